//===- Changes.cpp - Lines changed since a git revision -------------------===//
//
// `--changed-since REF` gates a pull request on the findings it touches. A
// finding counts when any of its locations changed, not only the warning's:
// an edit to a spawned coroutine's prefix in another file is reported at the
// untouched spawner, which filtering warnings by line (clang-tidy-diff) misses.
//
//===----------------------------------------------------------------------===//
#include "Changes.h"
#include "Support.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace eagerlint::cli {

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  if (llvm::is_contained(WholeFiles, File))
    return true;
  auto It = Ranges.find(File.str());
  if (It == Ranges.end())
    return false;
  return llvm::any_of(It->second, [&](const std::pair<unsigned, unsigned> &R) {
    return R.first <= Line && Line <= R.second;
  });
}

namespace {

llvm::Error changesError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// A path as git quotes it when it holds unusual bytes: "a\tb\303\251".
std::string unquoteGitPath(llvm::StringRef P) {
  if (!P.starts_with("\"") || !P.ends_with("\"") || P.size() < 2)
    return P.str();
  P = P.drop_front().drop_back();
  std::string Out;
  for (size_t I = 0; I < P.size(); ++I) {
    if (P[I] != '\\' || I + 1 == P.size()) {
      Out += P[I];
      continue;
    }
    char C = P[++I];
    switch (C) {
    case 'n':
      Out += '\n';
      break;
    case 't':
      Out += '\t';
      break;
    case 'a':
      Out += '\a';
      break;
    case 'b':
      Out += '\b';
      break;
    case 'f':
      Out += '\f';
      break;
    case 'r':
      Out += '\r';
      break;
    case 'v':
      Out += '\v';
      break;
    default:
      if (C >= '0' && C <= '7') {
        unsigned V = 0;
        size_t J = I;
        for (; J < I + 3 && J < P.size() && P[J] >= '0' && P[J] <= '7'; ++J)
          V = V * 8 + (P[J] - '0');
        Out += static_cast<char>(V);
        I = J - 1;
      } else {
        Out += C;
      }
    }
  }
  return Out;
}

std::string joinTop(llvm::StringRef TopDir, llvm::StringRef Rel) {
  llvm::SmallString<256> P(TopDir);
  llvm::sys::path::append(P, Rel);
  return normalizePath(P);
}

struct GitOutput {
  int Status = -1;
  std::string Out, Err; ///< Err: the first line of git's complaint.
};

/// Runs git with \p Args; a failure to start it is an error.
llvm::Expected<GitOutput> runGit(llvm::ArrayRef<std::string> Args) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return changesError("--changed-since needs git, which is not on PATH");
  llvm::SmallString<128> OutPath, ErrPath;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("eagerlint-git", "out", OutPath))
    return changesError("cannot create a temporary file: " + EC.message());
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("eagerlint-git", "err", ErrPath)) {
    llvm::sys::fs::remove(OutPath);
    return changesError("cannot create a temporary file: " + EC.message());
  }
  std::vector<llvm::StringRef> Argv{*Git};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  std::string ErrMsg;
  GitOutput G;
  G.Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0,
                                       0, &ErrMsg);
  if (auto B = llvm::MemoryBuffer::getFile(OutPath))
    G.Out = (*B)->getBuffer().str();
  if (auto B = llvm::MemoryBuffer::getFile(ErrPath))
    G.Err = (*B)->getBuffer().trim().split('\n').first.str();
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  if (G.Status < 0)
    return changesError("cannot run git: " + ErrMsg);
  return G;
}

} // namespace

void parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef TopDir,
                      ChangedLines &Out) {
  std::string File; // empty: the new side is /dev/null (a deleted file)
  llvm::SmallVector<llvm::StringRef> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("+++ ")) {
      llvm::StringRef P = L.drop_front(4).rtrim('\r');
      // Git appends a tab to a name that holds a space.
      if (!P.starts_with("\""))
        P = P.rtrim('\t');
      std::string Path = unquoteGitPath(P);
      File = llvm::StringRef(Path).starts_with("b/")
                 ? joinTop(TopDir, llvm::StringRef(Path).drop_front(2))
                 : std::string();
      continue;
    }
    if (!L.starts_with("@@ ") || File.empty())
      continue;
    // "@@ -a[,b] +c[,d] @@": d lines from line c of the new text.
    llvm::StringRef New = L.drop_front(3).split(' ').second.split(' ').first;
    if (!New.consume_front("+"))
      continue;
    auto [Start, Count] = New.split(',');
    unsigned First = 0, N = 1;
    if (Start.getAsInteger(10, First) ||
        (!Count.empty() && Count.getAsInteger(10, N)) || N == 0)
      continue;
    Out.Ranges[File].push_back({First, First + N - 1});
  }
}

llvm::Expected<ChangedLines> readChangedLines(llvm::StringRef Revision,
                                              llvm::StringRef WorkingDir) {
  std::string Dir = WorkingDir.str();
  auto Top = runGit({"-C", Dir, "rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  if (Top->Status != 0)
    return changesError("--changed-since: " + WorkingDir +
                        " is not in a git work tree (" + Top->Err + ")");
  std::string TopDir = llvm::StringRef(Top->Out).trim().str();

  auto Commit = runGit({"-C", TopDir, "rev-parse", "--verify", "--quiet",
                        "--end-of-options", Revision.str() + "^{commit}"});
  if (!Commit)
    return Commit.takeError();
  if (Commit->Status != 0)
    return changesError("--changed-since '" + Revision +
                        "': unknown revision in the git work tree " + TopDir);
  std::string Hash = llvm::StringRef(Commit->Out).trim().str();

  // Fixed prefixes and no external diff tools, whatever the user's git
  // configuration says; -M follows renames, so a renamed file is not new.
  auto Diff =
      runGit({"-C", TopDir, "-c", "core.quotePath=true", "diff", "--no-color",
              "--no-ext-diff", "--no-textconv", "--unified=0", "-M",
              "--src-prefix=a/", "--dst-prefix=b/", Hash, "--"});
  if (!Diff)
    return Diff.takeError();
  if (Diff->Status != 0)
    return changesError("--changed-since '" + Revision +
                        "': git diff failed: " + Diff->Err);

  ChangedLines C;
  C.Revision = Revision.str();
  parseUnifiedDiff(Diff->Out, TopDir, C);

  // Files git does not track yet are new in every line.
  auto Untracked = runGit(
      {"-C", TopDir, "ls-files", "--others", "--exclude-standard", "-z"});
  if (!Untracked)
    return Untracked.takeError();
  if (Untracked->Status != 0)
    return changesError("--changed-since: git ls-files failed: " +
                        Untracked->Err);
  llvm::SmallVector<llvm::StringRef> Names;
  llvm::StringRef(Untracked->Out).split(Names, '\0', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef N : Names)
    C.WholeFiles.push_back(joinTop(TopDir, N));
  return C;
}

unsigned keepChangedFindings(Report &R, const ChangedLines &Changes) {
  auto Touched = [&](const DiagRecord &D) {
    if (Changes.contains(D.Pos.File, D.Pos.Line))
      return true;
    return llvm::any_of(D.Notes, [&](const NoteRecord &N) {
      return !N.Pos.File.empty() && Changes.contains(N.Pos.File, N.Pos.Line);
    });
  };
  size_t Before = R.Findings.size();
  llvm::erase_if(R.Findings, [&](const DiagRecord &D) { return !Touched(D); });
  return Before - R.Findings.size();
}

} // namespace eagerlint::cli
