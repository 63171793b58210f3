//===- Fixes.cpp - Apply or export the fix-its of a run -------------------===//
#include "Fixes.h"
#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>
#include <set>
#include <tuple>

namespace eagerlint::cli {

namespace {

using RepKey = std::tuple<std::string, unsigned, unsigned, std::string>;

RepKey keyOf(const Replacement &R) {
  return {R.File, R.Offset, R.Length, R.Text};
}

} // namespace

FixStats applyFixes(const Report &R) {
  FixStats S;
  // Per file, the distinct replacements, in finding order.
  std::map<std::string, std::vector<Replacement>> PerFile;
  std::set<RepKey> Seen;
  for (const DiagRecord &D : R.Findings) {
    if (D.Baselined)
      continue;
    for (const Replacement &Rep : D.Fix) {
      if (!Seen.insert(keyOf(Rep)).second) {
        ++S.Duplicates;
        continue;
      }
      PerFile[Rep.File].push_back(Rep);
    }
  }
  for (auto &[File, Reps] : PerFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
    if (!Buffer) {
      S.Errors.push_back(
          R.display(File) +
          ": cannot read it to apply fix-its: " + Buffer.getError().message());
      continue;
    }
    clang::tooling::Replacements All;
    for (const Replacement &Rep : Reps) {
      llvm::Error E = All.add(
          clang::tooling::Replacement(File, Rep.Offset, Rep.Length, Rep.Text));
      if (E) {
        llvm::consumeError(std::move(E));
        ++S.Conflicts;
        continue;
      }
      ++S.Applied;
    }
    llvm::StringRef Code = (*Buffer)->getBuffer();
    // As clang-tidy --fix and clang-apply-replacements do.
    llvm::Expected<clang::tooling::Replacements> Cleaned =
        clang::format::cleanupAroundReplacements(Code, All,
                                                 clang::format::getNoStyle());
    if (Cleaned)
      All = std::move(*Cleaned);
    else
      llvm::consumeError(Cleaned.takeError());
    llvm::Expected<std::string> NewCode =
        clang::tooling::applyAllReplacements(Code, All);
    if (!NewCode) {
      S.Errors.push_back(R.display(File) + ": cannot apply fix-its: " +
                         llvm::toString(NewCode.takeError()));
      continue;
    }
    if (*NewCode == Code)
      continue;
    if (llvm::Error E = writeFileAtomically(
            File, [&](llvm::raw_ostream &OS) { OS << *NewCode; })) {
      S.Errors.push_back(llvm::toString(std::move(E)));
      continue;
    }
    ++S.FilesChanged;
  }
  return S;
}

llvm::Error exportFixes(llvm::StringRef Path, const Report &R) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  std::set<RepKey> Seen;
  for (const DiagRecord &D : R.Findings) {
    if (D.Baselined)
      continue;
    clang::tooling::DiagnosticMessage Msg(D.Message);
    Msg.FilePath = D.Pos.File;
    Msg.FileOffset = D.Pos.Offset;
    for (const Replacement &Rep : D.Fix) {
      if (!Seen.insert(keyOf(Rep)).second)
        continue;
      llvm::Error E = Msg.Fix[Rep.File].add(clang::tooling::Replacement(
          Rep.File, Rep.Offset, Rep.Length, Rep.Text));
      llvm::consumeError(std::move(E));
    }
    if (Msg.Fix.empty())
      continue;
    clang::tooling::Diagnostic Diag(D.Check, Msg, {},
                                    clang::tooling::Diagnostic::Warning,
                                    /*BuildDirectory=*/"");
    for (const NoteRecord &N : D.Notes) {
      clang::tooling::DiagnosticMessage Note(N.Message);
      Note.FilePath = N.Pos.File;
      Note.FileOffset = N.Pos.Offset;
      Diag.Notes.push_back(std::move(Note));
    }
    TUD.Diagnostics.push_back(std::move(Diag));
  }
  return writeFileAtomically(Path, [&](llvm::raw_ostream &OS) {
    llvm::yaml::Output YAML(OS);
    YAML << TUD;
  });
}

} // namespace eagerlint::cli
