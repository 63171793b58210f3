//===- Verify.cpp - `eagerlint verify`: run a program under both policies -===//
//
// Builds one program against the reference runtime, runs it with
// EAGERLINT_START_POLICY=lazy and =eager and compares what each run prints on
// standard output and how it ends (docs/design.md §6, runtime rule 5). With
// --profile, builds it as written (eager) and with every recognised spawn
// wrapped to start lazily (VerifyRewrite.h), on the profile's own runtime.
//
//===----------------------------------------------------------------------===//

#include "Verify.h"
#include "Install.h"
#include "VerifyRewrite.h"

#include "eagerlint/analysis/Profile.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
extern char **environ;
#endif

namespace eagerlint {
namespace {

constexpr int ExitSame = 0;
constexpr int ExitDifferent = 1;
constexpr int ExitCannotRun = 2;

/// The compiler may take a while on a cold cache, but never this long.
constexpr unsigned BuildTimeoutSeconds = 300;

constexpr llvm::StringLiteral PolicyVariable = "EAGERLINT_START_POLICY";

constexpr llvm::StringLiteral Usage =
    R"(usage: eagerlint verify [options] PROGRAM.cpp [-- COMPILER-FLAGS...]
       eagerlint verify [options] -p BUILD_DIR SOURCE.cpp [-- EXTRA-FLAGS...]

Builds PROGRAM.cpp with clang++ -std=c++20 against the eagerlint reference
runtime, runs it with EAGERLINT_START_POLICY=lazy and =eager, and compares
standard output and exit status. Prints "same", or a side-by-side diff
(lazy | eager).

With --profile NAME the program runs on its own runtime (e.g. Asio): it is
built as written (eager start) and a second time with every spawn the
profile recognises wrapped so that its first step is the profile's yield
(lazy start), and the two builds are compared the same way.

options:
  --profile NAME           compare on NAME's runtime by wrapping its spawns
                           (asio, reference, ...; a profile with a yield
                           statement)
  -p BUILD_DIR             take SOURCE.cpp's flags from BUILD_DIR/compile_commands.json
  --timeout SECONDS        time limit of each run (default 10); a run over it
                           is killed and reported as "timed out"
  --cxx COMPILER           compiler to build with (default: $EAGERLINT_CXX,
                           else clang++-19, else clang++)
  --runtime-include DIR    directory holding eagerlint/runtime.hpp
                           (default: next to an installed eagerlint, else the
                           source tree it was built from)
  --keep-temps             keep the built program and the captured output
  -h, --help               this text

exit status: 0 same, 1 different, 2 could not build or run the program
)";

struct Options {
  std::string Program;
  std::string BuildDir;
  std::vector<std::string> ExtraFlags;
  unsigned TimeoutSeconds = 10;
  std::string Compiler;
  std::string RuntimeInclude;
  std::string Profile;
  bool KeepTemps = false;
};

llvm::raw_ostream &error() {
  return llvm::errs() << "eagerlint verify: error: ";
}

/// Parses the arguments after `verify`; std::nullopt after printing an
/// error. \p Help is set for -h/--help.
std::optional<Options> parseArgs(llvm::ArrayRef<const char *> Args,
                                 bool &Help) {
  Options O;
  std::vector<std::string> Positional;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    // An option with a separate or `=`-joined value.
    auto Value = [&](llvm::StringRef Name,
                     std::string &Into) -> std::optional<bool> {
      if (A == Name) {
        if (I + 1 >= Args.size()) {
          error() << "option '" << Name << "' needs a value\n";
          return false;
        }
        Into = Args[++I];
        return true;
      }
      if (A.consume_front(Name) && A.consume_front("=")) {
        Into = A.str();
        return true;
      }
      A = Args[I];
      return std::nullopt;
    };

    if (A == "--") {
      for (++I; I < Args.size(); ++I)
        O.ExtraFlags.push_back(Args[I]);
      break;
    }
    if (A == "-h" || A == "--help" || A == "-help") {
      Help = true;
      return O;
    }
    if (A == "--keep-temps") {
      O.KeepTemps = true;
      continue;
    }
    std::string Timeout;
    std::optional<bool> Got;
    if ((Got = Value("--timeout", Timeout))) {
      if (!*Got)
        return std::nullopt;
      unsigned Seconds = 0;
      if (llvm::StringRef(Timeout).getAsInteger(10, Seconds) || Seconds == 0) {
        error() << "--timeout needs a positive whole number of seconds, got '"
                << Timeout << "'\n";
        return std::nullopt;
      }
      O.TimeoutSeconds = Seconds;
      continue;
    }
    if ((Got = Value("-p", O.BuildDir)) || (Got = Value("--cxx", O.Compiler)) ||
        (Got = Value("--runtime-include", O.RuntimeInclude)) ||
        (Got = Value("--profile", O.Profile))) {
      if (!*Got)
        return std::nullopt;
      continue;
    }
    if (A.starts_with("-p") && A.size() > 2) { // -pBUILD_DIR, as clang-tidy
      O.BuildDir = A.drop_front(2).str();
      continue;
    }
    if (A.starts_with("-") && A != "-") {
      error() << "unknown option '" << A
              << "' (compiler flags go after '--'; see --help)\n";
      return std::nullopt;
    }
    Positional.push_back(A.str());
  }
  if (Positional.size() != 1) {
    error() << (Positional.empty() ? "no program given"
                                   : "more than one program given")
            << "\n"
            << "usage: eagerlint verify [options] PROGRAM.cpp "
               "[-- COMPILER-FLAGS...] (see --help)\n";
    return std::nullopt;
  }
  O.Program = Positional.front();
  return O;
}

bool hasRuntimeHeader(llvm::StringRef Dir) {
  llvm::SmallString<256> Header(Dir);
  llvm::sys::path::append(Header, "eagerlint", "runtime.hpp");
  return llvm::sys::fs::exists(Header);
}

/// Where `#include <eagerlint/runtime.hpp>` resolves: the option, then
/// $EAGERLINT_RUNTIME_INCLUDE, then the installed or build tree next to the
/// executable (cli/Install.h).
std::optional<std::string> findRuntimeInclude(const Options &O) {
  if (!O.RuntimeInclude.empty()) {
    if (hasRuntimeHeader(O.RuntimeInclude))
      return O.RuntimeInclude;
    error() << "--runtime-include '" << O.RuntimeInclude
            << "' has no eagerlint/runtime.hpp\n";
    return std::nullopt;
  }
  if (std::optional<std::string> Env =
          llvm::sys::Process::GetEnv("EAGERLINT_RUNTIME_INCLUDE")) {
    if (hasRuntimeHeader(*Env))
      return *Env;
    error() << "EAGERLINT_RUNTIME_INCLUDE='" << *Env
            << "' has no eagerlint/runtime.hpp\n";
    return std::nullopt;
  }
  std::vector<std::string> Tried;
  for (std::string &Dir : cli::runtimeIncludeCandidates()) {
    if (hasRuntimeHeader(Dir))
      return Dir;
    Tried.push_back(std::move(Dir));
  }
  error() << "cannot find the eagerlint runtime headers (looked in: "
          << llvm::join(Tried, ", ")
          << "); pass --runtime-include DIR or set EAGERLINT_RUNTIME_INCLUDE\n";
  return std::nullopt;
}

std::optional<std::string> findCompiler(const Options &O) {
  std::string Wanted = O.Compiler;
  if (Wanted.empty())
    if (std::optional<std::string> Env =
            llvm::sys::Process::GetEnv("EAGERLINT_CXX"))
      Wanted = *Env;
  if (!Wanted.empty()) {
    if (llvm::sys::path::has_parent_path(Wanted))
      return Wanted;
    if (llvm::ErrorOr<std::string> P = llvm::sys::findProgramByName(Wanted))
      return *P;
    error() << "compiler '" << Wanted << "' not found in PATH\n";
    return std::nullopt;
  }
  for (const char *Name : {"clang++-19", "clang++"})
    if (llvm::ErrorOr<std::string> P = llvm::sys::findProgramByName(Name))
      return *P;
  error() << "no C++ compiler found (tried clang++-19 and clang++ in PATH); "
             "pass --cxx\n";
  return std::nullopt;
}

/// A path relative to a compile command's directory, made absolute.
std::string absoluteIn(llvm::StringRef Dir, llvm::StringRef Path) {
  if (Path.empty() || llvm::sys::path::is_absolute(Path))
    return Path.str();
  llvm::SmallString<256> Abs(Dir);
  llvm::sys::path::append(Abs, Path);
  return std::string(Abs);
}

/// The flags \p Source is compiled with in BUILD_DIR's compilation database,
/// without what makes a compile step out of it (compiler, -c, -o, the input,
/// dependency files), with relative paths made absolute.
std::optional<std::vector<std::string>>
flagsFromDatabase(llvm::StringRef BuildDir, std::string &Source) {
  std::string Err;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB =
      clang::tooling::CompilationDatabase::loadFromDirectory(BuildDir, Err);
  if (!DB) {
    error() << "cannot load a compilation database from '" << BuildDir
            << "': " << Err << "\n";
    return std::nullopt;
  }
  llvm::SmallString<256> Abs(Source);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::vector<clang::tooling::CompileCommand> Cmds =
      DB->getCompileCommands(Abs);
  if (Cmds.empty()) {
    error() << "'" << Source << "' is not in the compilation database of '"
            << BuildDir << "'\n";
    return std::nullopt;
  }
  const clang::tooling::CompileCommand &C = Cmds.front();
  std::string Input = absoluteIn(C.Directory, C.Filename);
  Source = Input;
  std::vector<std::string> Flags;
  const std::vector<std::string> &L = C.CommandLine;
  for (size_t I = 1; I < L.size(); ++I) {
    llvm::StringRef A = L[I];
    if (A == "-c" || A == "--" || A == "-MD" || A == "-MMD" ||
        A == "-fsyntax-only")
      continue;
    if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
      ++I;
      continue;
    }
    if (A.starts_with("-o") || A.starts_with("-MF") || A.starts_with("-MT") ||
        A.starts_with("-MQ"))
      continue;
    if (absoluteIn(C.Directory, A) == Input)
      continue;
    bool PathValued = false;
    for (llvm::StringRef P :
         {"-I", "-isystem", "-iquote", "-idirafter", "-include", "--sysroot"}) {
      if (A == P && I + 1 < L.size()) {
        Flags.push_back(A.str());
        Flags.push_back(absoluteIn(C.Directory, L[++I]));
        PathValued = true;
        break;
      }
      if (P == "-I" && A.starts_with("-I")) {
        Flags.push_back("-I" + absoluteIn(C.Directory, A.drop_front(2)));
        PathValued = true;
        break;
      }
    }
    if (!PathValued)
      Flags.push_back(A.str());
  }
  return Flags;
}

/// How one run of the program ended.
struct RunResult {
  enum class Ending { Exited, Signalled, TimedOut };
  Ending How = Ending::Exited;
  int Code = 0;
  std::string Signal;
  std::string Stdout;
  std::string Stderr;

  std::string status(unsigned TimeoutSeconds) const {
    switch (How) {
    case Ending::Exited:
      return "exit status " + std::to_string(Code);
    case Ending::Signalled:
      return "killed by signal (" + Signal + ")";
    case Ending::TimedOut:
      return "timed out after " + std::to_string(TimeoutSeconds) +
             " s (killed)";
    }
    return "";
  }
  bool sameEnding(const RunResult &O) const {
    return How == O.How && Code == O.Code && Signal == O.Signal;
  }
};

std::string readFile(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> B =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  return B ? (*B)->getBuffer().str() : std::string();
}

/// The environment of this process.
std::vector<std::string> environment() {
  std::vector<std::string> Env;
#if defined(__unix__) || defined(__APPLE__)
  for (char **E = environ; E && *E; ++E)
    Env.push_back(*E);
#endif
  return Env;
}

/// The environment of this process with EAGERLINT_START_POLICY=\p Policy.
std::vector<std::string> environmentWith(llvm::StringRef Policy) {
  std::vector<std::string> Env = environment();
  llvm::erase_if(Env, [](llvm::StringRef V) {
    return V.starts_with((PolicyVariable + "=").str());
  });
  Env.push_back((PolicyVariable + "=" + Policy).str());
  return Env;
}

/// Runs \p Exe with the environment \p EnvStrings; \p Policy names the run
/// (lazy or eager). std::nullopt (after an error) when it could not be
/// started at all.
std::optional<RunResult> runUnder(llvm::StringRef Exe, llvm::StringRef Policy,
                                  const std::vector<std::string> &EnvStrings,
                                  llvm::StringRef TempDir,
                                  unsigned TimeoutSeconds) {
  llvm::SmallString<256> Out(TempDir), Err(TempDir);
  llvm::sys::path::append(Out, (Policy + ".stdout").str());
  llvm::sys::path::append(Err, (Policy + ".stderr").str());
  std::vector<llvm::StringRef> Env(EnvStrings.begin(), EnvStrings.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(Out), llvm::StringRef(Err)};
  std::string ErrMsg;
  bool ExecutionFailed = false;
  int RC =
      llvm::sys::ExecuteAndWait(Exe, {Exe}, Env, Redirects, TimeoutSeconds,
                                /*MemoryLimit=*/0, &ErrMsg, &ExecutionFailed);
  if (ExecutionFailed || RC == -1) {
    error() << "cannot run the built program under " << Policy << ": " << ErrMsg
            << "\n";
    return std::nullopt;
  }
  RunResult R;
  R.Stdout = readFile(Out);
  R.Stderr = readFile(Err);
  if (RC == -2) {
    // LLVM reports a timeout and a deadly signal alike; the message tells.
    if (llvm::StringRef(ErrMsg).starts_with("Child timed out")) {
      R.How = RunResult::Ending::TimedOut;
    } else {
      R.How = RunResult::Ending::Signalled;
      R.Signal = ErrMsg.empty() ? "unknown signal" : ErrMsg;
    }
  } else {
    R.Code = RC;
  }
  return R;
}

std::vector<llvm::StringRef> splitLines(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Lines;
  if (Text.empty())
    return Lines;
  Text.consume_back("\n");
  llvm::SmallVector<llvm::StringRef> Parts;
  Text.split(Parts, '\n');
  Lines.assign(Parts.begin(), Parts.end());
  return Lines;
}

/// One row of a side-by-side diff: ' ' same, '|' changed, '<' lazy only,
/// '>' eager only.
struct Row {
  char Mark;
  std::string Left, Right;
};

/// How alike two lines look: the length of their common prefix and suffix.
size_t similarity(llvm::StringRef A, llvm::StringRef B) {
  size_t P = 0;
  while (P < A.size() && P < B.size() && A[P] == B[P])
    ++P;
  size_t S = 0;
  while (S < A.size() - P && S < B.size() - P &&
         A[A.size() - 1 - S] == B[B.size() - 1 - S])
    ++S;
  return P + S;
}

/// Lays out a block of lines only lazy printed (\p Dels) next to the block
/// only eager printed (\p Ins). Blocks of equal length pair up line by line;
/// otherwise lines pair up in order where they look alike, so a line eager
/// printed in addition does not shift every later pair.
void pairChanges(llvm::ArrayRef<llvm::StringRef> Dels,
                 llvm::ArrayRef<llvm::StringRef> Ins, std::vector<Row> &Rows) {
  const size_t N = Dels.size(), M = Ins.size();
  if (N == M) {
    for (size_t K = 0; K < N; ++K)
      Rows.push_back({'|', Dels[K].str(), Ins[K].str()});
    return;
  }
  // Best[I][J]: the most similarity pairing Dels[I..] with Ins[J..] in order.
  std::vector<std::vector<size_t>> Best(N + 1, std::vector<size_t>(M + 1));
  for (size_t I = N; I-- > 0;)
    for (size_t J = M; J-- > 0;) {
      size_t Sim = similarity(Dels[I], Ins[J]);
      Best[I][J] = std::max(
          {Best[I + 1][J], Best[I][J + 1], Sim ? Best[I + 1][J + 1] + Sim : 0});
    }
  size_t I = 0, J = 0;
  while (I < N || J < M) {
    if (I < N && J < M) {
      size_t Sim = similarity(Dels[I], Ins[J]);
      if (Sim && Best[I][J] == Best[I + 1][J + 1] + Sim) {
        Rows.push_back({'|', Dels[I++].str(), Ins[J++].str()});
        continue;
      }
    }
    if (J >= M || (I < N && Best[I][J] == Best[I + 1][J]))
      Rows.push_back({'<', Dels[I++].str(), ""});
    else
      Rows.push_back({'>', "", Ins[J++].str()});
  }
}

/// A line-level diff (longest common subsequence) laid out in rows.
std::vector<Row> sideBySide(const std::vector<llvm::StringRef> &A,
                            const std::vector<llvm::StringRef> &B) {
  const size_t N = A.size(), M = B.size();
  std::vector<Row> Rows;
  // Program outputs are small; past this, pair lines up positionally.
  if (N * M > 4'000'000) {
    for (size_t I = 0; I < std::max(N, M); ++I) {
      if (I < N && I < M)
        Rows.push_back({A[I] == B[I] ? ' ' : '|', A[I].str(), B[I].str()});
      else if (I < N)
        Rows.push_back({'<', A[I].str(), ""});
      else
        Rows.push_back({'>', "", B[I].str()});
    }
    return Rows;
  }
  std::vector<std::vector<unsigned>> L(N + 1, std::vector<unsigned>(M + 1));
  for (size_t I = N; I-- > 0;)
    for (size_t J = M; J-- > 0;)
      L[I][J] = A[I] == B[J] ? L[I + 1][J + 1] + 1
                             : std::max(L[I + 1][J], L[I][J + 1]);
  size_t I = 0, J = 0;
  std::vector<llvm::StringRef> Dels, Ins;
  auto Flush = [&] {
    pairChanges(Dels, Ins, Rows);
    Dels.clear();
    Ins.clear();
  };
  while (I < N || J < M) {
    if (I < N && J < M && A[I] == B[J]) {
      Flush();
      Rows.push_back({' ', A[I].str(), B[J].str()});
      ++I;
      ++J;
    } else if (J >= M || (I < N && L[I + 1][J] >= L[I][J + 1])) {
      Dels.push_back(A[I++]);
    } else {
      Ins.push_back(B[J++]);
    }
  }
  Flush();
  return Rows;
}

std::string fit(llvm::StringRef S, size_t Width) {
  if (S.size() <= Width)
    return S.str() + std::string(Width - S.size(), ' ');
  return S.take_front(Width - 1).str() + "~";
}

/// Prints \p Rows in two columns, eliding long runs of identical lines, and
/// \p Last (how each run ended) below them.
void printRows(llvm::raw_ostream &OS, const std::vector<Row> &Rows,
               const Row &Last) {
  size_t Width = std::max<size_t>(5, Last.Left.size()); // "lazy" / "eager"
  for (const Row &R : Rows)
    Width = std::max(Width, R.Left.size());
  Width = std::min<size_t>(Width, 60);
  auto Line = [&](char Mark, llvm::StringRef Left, llvm::StringRef Right) {
    std::string Text = "  " + fit(Left, Width) + " " + Mark + " " + Right.str();
    OS << llvm::StringRef(Text).rtrim() << "\n";
  };
  Line(' ', "lazy", "eager");
  OS << "  " << std::string(Width, '-') << " + " << std::string(Width, '-')
     << "\n";
  constexpr size_t Context = 2;
  for (size_t I = 0; I < Rows.size();) {
    if (Rows[I].Mark != ' ') {
      Line(Rows[I].Mark, Rows[I].Left, Rows[I].Right);
      ++I;
      continue;
    }
    size_t End = I;
    while (End < Rows.size() && Rows[End].Mark == ' ')
      ++End;
    size_t Keep = Context * 2 + 1;
    if (End - I > Keep) {
      size_t Head = I == 0 ? 0 : Context;
      size_t Tail = End == Rows.size() ? 0 : Context;
      for (size_t K = I; K < I + Head; ++K)
        Line(' ', Rows[K].Left, Rows[K].Right);
      OS << "  ... " << (End - I - Head - Tail) << " identical line"
         << (End - I - Head - Tail == 1 ? "" : "s") << " ...\n";
      for (size_t K = End - Tail; K < End; ++K)
        Line(' ', Rows[K].Left, Rows[K].Right);
    } else {
      for (size_t K = I; K < End; ++K)
        Line(' ', Rows[K].Left, Rows[K].Right);
    }
    I = End;
  }
  OS << "  " << std::string(Width, '-') << " + " << std::string(Width, '-')
     << "\n";
  Line(Last.Mark, Last.Left, Last.Right);
}

/// The last lines of a run's standard error, indented, for context.
void printStderrTail(llvm::raw_ostream &OS, llvm::StringRef Policy,
                     llvm::StringRef Stderr) {
  std::vector<llvm::StringRef> Lines = splitLines(Stderr);
  if (Lines.empty())
    return;
  constexpr size_t Max = 8;
  OS << "  stderr under " << Policy << " (not compared";
  if (Lines.size() > Max)
    OS << ", last " << Max << " of " << Lines.size() << " lines";
  OS << "):\n";
  for (size_t I = Lines.size() > Max ? Lines.size() - Max : 0; I < Lines.size();
       ++I)
    OS << "    " << Lines[I] << "\n";
}

/// Removes the temporary directory (unless kept) on every path out.
class TempDir {
public:
  explicit TempDir(bool Keep) : Keep(Keep) {}
  ~TempDir() {
    if (Path.empty())
      return;
    if (Keep) {
      llvm::errs() << "eagerlint verify: kept temporary files in " << Path
                   << "\n";
      return;
    }
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Path, EC), End; !EC && It != End;
         It.increment(EC))
      llvm::sys::fs::remove(It->path());
    llvm::sys::fs::remove(Path);
  }
  bool create() {
    llvm::SmallString<256> P;
    if (std::error_code EC =
            llvm::sys::fs::createUniqueDirectory("eagerlint-verify", P)) {
      error() << "cannot create a temporary directory: " << EC.message()
              << "\n";
      return false;
    }
    Path = std::string(P);
    return true;
  }
  llvm::StringRef path() const { return Path; }

private:
  bool Keep;
  std::string Path;
};

/// Compiles \p Input into \p Exe with `Compiler Flags Input -o Exe`; false
/// after printing why not (the compiler's own messages included).
bool build(llvm::StringRef Compiler, llvm::ArrayRef<std::string> Flags,
           llvm::StringRef Input, llvm::StringRef Exe, llvm::StringRef Log,
           llvm::StringRef What) {
  std::vector<std::string> Cmd = {Compiler.str()};
  llvm::append_range(Cmd, Flags);
  Cmd.push_back(Input.str());
  Cmd.push_back("-o");
  Cmd.push_back(Exe.str());
  std::vector<llvm::StringRef> CmdRefs(Cmd.begin(), Cmd.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), Log, Log};
  std::string ErrMsg;
  bool ExecutionFailed = false;
  int RC = llvm::sys::ExecuteAndWait(Compiler, CmdRefs, std::nullopt,
                                     Redirects, BuildTimeoutSeconds, 0,
                                     &ErrMsg, &ExecutionFailed);
  if (!ExecutionFailed && RC == 0)
    return true;
  error() << "cannot build " << What;
  if (ExecutionFailed || RC < 0)
    llvm::errs() << " (" << ErrMsg << ")";
  llvm::errs() << "\n  command: " << llvm::join(Cmd, " ") << "\n";
  llvm::errs() << readFile(Log);
  return false;
}

/// The profile --profile names, if it can start spawns lazily; std::nullopt
/// after an error.
std::optional<analysis::Profile> verifyProfile(llvm::StringRef Name) {
  llvm::Expected<analysis::Profile> P = analysis::Profile::builtin(Name);
  if (!P) {
    error() << "--profile: " << llvm::toString(P.takeError()) << "\n";
    return std::nullopt;
  }
  if (llvm::StringRef(P->YieldStatement).trim().empty()) {
    error() << "profile '" << Name
            << "' has no guaranteed yield statement, so its spawns cannot be "
               "made to start lazily; nothing to compare\n";
    return std::nullopt;
  }
  return std::move(*P);
}

/// The two builds to compare and how to run them.
struct Builds {
  std::string Lazy, Eager;
  std::vector<std::string> LazyEnv, EagerEnv;
  /// Said after the verdict, e.g. "(profile asio: 3 spawn sites wrapped)".
  std::string Note;
};

/// Reports the spawn sites the rewrite left alone, one line each.
void reportUnwrapped(llvm::StringRef Program, const cli::LazyRewrite &R) {
  for (const cli::UnwrappedSpawn &U : R.Unwrapped)
    llvm::errs() << "eagerlint verify: note: "
                 << (U.File.empty() ? Program : llvm::StringRef(U.File)) << ":"
                 << U.Line << ": spawn left as written: " << U.Reason << "\n";
}

/// Builds the program with every spawn \p P recognises wrapped to start
/// lazily, next to the build as written in \p B.
bool buildWrapped(const Options &O, llvm::StringRef Source,
                  const analysis::Profile &P, llvm::StringRef Compiler,
                  std::vector<std::string> Flags, llvm::StringRef TempDir,
                  Builds &B) {
  llvm::Expected<cli::LazyRewrite> R =
      cli::rewriteSpawnsLazy(Source, Source, Flags, P);
  if (!R) {
    error() << "cannot start the spawns of '" << O.Program
            << "' lazily: " << llvm::toString(R.takeError()) << "\n";
    return false;
  }
  reportUnwrapped(O.Program, *R);
  if (R->Wrapped == 0) {
    error() << "'" << O.Program << "': ";
    if (R->Recognised == 0)
      llvm::errs() << "no spawn site of profile '" << P.Name
                   << "' recognised";
    else
      llvm::errs() << R->Recognised << " spawn site"
                   << (R->Recognised == 1 ? "" : "s")
                   << " recognised, none could be wrapped";
    llvm::errs() << "; nothing to compare\n";
    return false;
  }
  llvm::SmallString<256> Copy(TempDir), Log(TempDir), Exe(TempDir);
  llvm::sys::path::append(Copy, "lazy-" + llvm::sys::path::filename(Source));
  llvm::sys::path::append(Log, "lazy-build.log");
  llvm::sys::path::append(Exe, "program-lazy");
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(Copy, EC);
    if (!EC) {
      OS << R->Text;
      OS.close();
      EC = OS.error();
    }
  }
  if (EC) {
    error() << "cannot write '" << Copy << "': " << EC.message() << "\n";
    return false;
  }
  // The copy lives elsewhere: its quoted includes still resolve next to the
  // program.
  llvm::SmallString<256> Dir(Source);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_filename(Dir);
  Flags.push_back("-iquote");
  Flags.push_back(std::string(Dir));
  if (!build(Compiler, Flags, Copy, Exe, Log,
             "'" + O.Program + "' with its spawns wrapped to start lazily"))
    return false;
  B.Lazy = std::string(Exe);
  B.Note = " (profile " + P.Name + ": " + std::to_string(R->Wrapped) +
           " spawn site" + (R->Wrapped == 1 ? "" : "s") + " wrapped";
  if (R->Wrapped != R->Recognised)
    B.Note += " of " + std::to_string(R->Recognised);
  B.Note += ")";
  return true;
}

/// Runs both builds and prints the verdict; the exit status of verify.
int compare(const Options &O, const Builds &B, llvm::StringRef TempDir) {
  std::optional<RunResult> Lazy =
      runUnder(B.Lazy, "lazy", B.LazyEnv, TempDir, O.TimeoutSeconds);
  if (!Lazy)
    return ExitCannotRun;
  std::optional<RunResult> Eager =
      runUnder(B.Eager, "eager", B.EagerEnv, TempDir, O.TimeoutSeconds);
  if (!Eager)
    return ExitCannotRun;

  llvm::raw_ostream &OS = llvm::outs();
  const std::string LazyStatus = Lazy->status(O.TimeoutSeconds);
  const std::string EagerStatus = Eager->status(O.TimeoutSeconds);
  if (Lazy->How == RunResult::Ending::TimedOut &&
      Eager->How == RunResult::Ending::TimedOut) {
    error() << "'" << O.Program << "' timed out under both policies (limit "
            << O.TimeoutSeconds << " s per run); nothing to compare\n";
    return ExitCannotRun;
  }

  const std::vector<llvm::StringRef> LazyLines = splitLines(Lazy->Stdout);
  const std::vector<llvm::StringRef> EagerLines = splitLines(Eager->Stdout);
  if (Lazy->Stdout == Eager->Stdout && Lazy->sameEnding(*Eager)) {
    OS << "same: " << O.Program << ": lazy and eager start print the same "
       << LazyLines.size() << " line" << (LazyLines.size() == 1 ? "" : "s")
       << " and end with " << LazyStatus << B.Note << "\n";
    return ExitSame;
  }

  OS << "different: " << O.Program
     << ": the program behaves differently under lazy and eager start"
     << B.Note << "\n";
  std::vector<Row> Rows = sideBySide(LazyLines, EagerLines);
  if (LazyLines == EagerLines && Lazy->Stdout != Eager->Stdout)
    // Only the final newline differs; say so rather than show equal rows.
    Rows.push_back({'|', Lazy->Stdout.ends_with("\n") ? "" : "(no newline)",
                    Eager->Stdout.ends_with("\n") ? "" : "(no newline)"});
  printRows(OS, Rows,
            {Lazy->sameEnding(*Eager) ? ' ' : '|', LazyStatus, EagerStatus});
  if (!Lazy->sameEnding(*Eager) || Lazy->Stderr != Eager->Stderr) {
    printStderrTail(OS, "lazy", Lazy->Stderr);
    printStderrTail(OS, "eager", Eager->Stderr);
  }
  return ExitDifferent;
}

} // namespace

int runVerify(int Argc, const char **Argv) {
  bool Help = false;
  std::optional<Options> Opt =
      parseArgs(llvm::ArrayRef<const char *>(Argv, Argc > 0 ? Argc : 0), Help);
  if (Help) {
    llvm::outs() << Usage;
    return ExitSame;
  }
  if (!Opt)
    return ExitCannotRun;
  Options &O = *Opt;

  std::optional<analysis::Profile> Profile;
  if (!O.Profile.empty() && !(Profile = verifyProfile(O.Profile)))
    return ExitCannotRun;
  if (!llvm::sys::fs::exists(O.Program)) {
    error() << "'" << O.Program << "': no such file\n";
    return ExitCannotRun;
  }
  std::string Source = O.Program;
  std::vector<std::string> DatabaseFlags;
  if (!O.BuildDir.empty()) {
    std::optional<std::vector<std::string>> F =
        flagsFromDatabase(O.BuildDir, Source);
    if (!F)
      return ExitCannotRun;
    DatabaseFlags = std::move(*F);
  }
  // Only the reference runtime comes with eagerlint; another profile's
  // runtime is on the program's own include path.
  bool OnReference = !Profile || Profile->Name == "reference";
  std::optional<std::string> Include;
  if (OnReference && !(Include = findRuntimeInclude(O)))
    return ExitCannotRun;
  std::optional<std::string> Compiler = findCompiler(O);
  if (!Compiler)
    return ExitCannotRun;

  TempDir Temp(O.KeepTemps);
  if (!Temp.create())
    return ExitCannotRun;
  llvm::SmallString<256> Exe(Temp.path()), BuildLog(Temp.path());
  llvm::sys::path::append(Exe, "program");
  llvm::sys::path::append(BuildLog, "build.log");

  // -std=c++20 first so the program's own flags may override it; the runtime
  // directory last so a program that ships its own copy keeps it.
  std::vector<std::string> Flags = {"-std=c++20"};
  llvm::append_range(Flags, DatabaseFlags);
  llvm::append_range(Flags, O.ExtraFlags);
  if (Include)
    Flags.push_back("-I" + *Include);
  if (!build(*Compiler, Flags, Source, Exe, BuildLog, "'" + O.Program + "'"))
    return ExitCannotRun;

  Builds B;
  B.Eager = std::string(Exe);
  if (!Profile) {
    B.Lazy = B.Eager;
    B.LazyEnv = environmentWith("lazy");
    B.EagerEnv = environmentWith("eager");
    return compare(O, B, Temp.path());
  }
  if (!buildWrapped(O, Source, *Profile, *Compiler, Flags, Temp.path(), B))
    return ExitCannotRun;
  // On the reference runtime both builds start eagerly; the wrapping alone
  // makes the lazy one.
  if (OnReference) {
    B.LazyEnv = B.EagerEnv = environmentWith("eager");
  } else {
    B.LazyEnv = B.EagerEnv = environment();
  }
  return compare(O, B, Temp.path());
}

} // namespace eagerlint
