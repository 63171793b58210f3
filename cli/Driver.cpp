//===- Driver.cpp - `eagerlint [options] [files...]` ----------------------===//
//
// Reads the command line and the compilation database, runs one worker per
// translation unit, then does the project-wide pass, the baseline, fix-its,
// the report and the summary. Exit codes (docs/design.md §5): 0 no new findings,
// 1 findings, 2 usage or configuration error, 3 a file could not be analysed.
//
//===----------------------------------------------------------------------===//
#include "Driver.h"
#include "Baseline.h"
#include "Cache.h"
#include "CheckOptions.h"
#include "Fixes.h"
#include "Merge.h"
#include "Output.h"
#include "Report.h"
#include "Rules.h"
#include "Runner.h"
#include "Support.h"
#include "Worker.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <map>
#include <thread>
#include <tuple>


namespace cl = llvm::cl;

namespace eagerlint::cli {

namespace {

cl::OptionCategory Category("eagerlint options");

const char Overview[] =
    "Finds code that relies on lazily started tasks, so a coroutine runtime "
    "can flip its default to eager start.\n\n"
    "  eagerlint -p BUILD_DIR [files, directories or regexes...]\n"
    "  eagerlint verify PROGRAM.cpp\n"
    "  eagerlint discover -p BUILD_DIR\n"
    "  eagerlint --shard K/N ... > PART.json; eagerlint merge PART.json...\n";

cl::extrahelp ExtraHelp(R"(
Inputs: a file of the compilation database, a directory (its files), or a
regular expression matched against the paths of the database (as
run-clang-tidy). None: every file of the database.

Configuration: .clang-tidy files are honoured as clang-tidy does (check
options, `-eager-...` in Checks, NOLINT); options given here override them.

Exit codes:
  0  no findings (none outside the baseline)
  1  findings, or no spawn site recognised (unless --allow-empty)
  2  usage or configuration error
  3  a file could not be analysed (the others are still analysed and reported)
)");

cl::list<std::string> Inputs(cl::Positional,
                             cl::desc("[files, directories or regexes...]"),
                             cl::cat(Category));
cl::opt<std::string> BuildPath("p",
                               cl::desc("Build directory holding "
                                        "compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Analyse N files at once, each in its own "
                                "process (default: all cores)"),
                       cl::value_desc("N"), cl::init(0), cl::Prefix,
                       cl::cat(Category));
cl::opt<std::string> Format("format",
                            cl::desc("Report format: text, json or sarif"),
                            cl::value_desc("format"), cl::init("text"),
                            cl::cat(Category));
cl::opt<std::string>
    OutputFile("output",
               cl::desc("Write the report to FILE (atomically) "
                        "instead of standard output"),
               cl::value_desc("file"), cl::cat(Category));
cl::alias OutputFileShort("o", cl::desc("Alias for --output"),
                          cl::aliasopt(OutputFile), cl::cat(Category));
cl::opt<bool> ApplyFixes("fix",
                         cl::desc("Apply every fix-it once, de-duplicated "
                                  "across files and headers"),
                         cl::cat(Category));
cl::opt<std::string>
    ExportFixesFile("export-fixes",
                    cl::desc("Write the fix-its as clang-apply-replacements "
                             "YAML to FILE"),
                    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string>
    BaselineFile("baseline",
                 cl::desc("Report and fail only on findings not in FILE"),
                 cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string>
    WriteBaselineFile("write-baseline",
                      cl::desc("Write every finding to FILE as the new "
                               "baseline (exit code 0 unless a file failed)"),
                      cl::value_desc("file"), cl::cat(Category));
// One flag per check option (Options.def): --spawn-functions=... sets
// SpawnFunctions for every check, as a global .clang-tidy entry would.
#define EAGERLINT_OPTION_FLAG(KEY, FLAG, META, DEFAULT, HELP)                  \
  cl::opt<std::string> KEY##Flag(FLAG, cl::desc(HELP " (option " #KEY ")"),    \
                                 cl::value_desc(META), cl::cat(Category));
#define EAGERLINT_PROFILE_OPTION EAGERLINT_OPTION_FLAG
#define EAGERLINT_ENGINE_OPTION EAGERLINT_OPTION_FLAG
#include "eagerlint/analysis/Options.def"
const std::pair<llvm::StringRef, cl::opt<std::string> *> OptionFlags[] = {
#define EAGERLINT_PROFILE_OPTION(KEY, FLAG, META, DEFAULT, HELP)               \
  {#KEY, &KEY##Flag},
#define EAGERLINT_ENGINE_OPTION(KEY, FLAG, META, DEFAULT, HELP)                \
  {#KEY, &KEY##Flag},
#include "eagerlint/analysis/Options.def"
};
#undef EAGERLINT_OPTION_FLAG

cl::list<std::string>
    CheckOptionArgs("option",
                    cl::desc("Set a check option, as in .clang-tidy "
                             "CheckOptions (repeatable)"),
                    cl::value_desc("Key=Value"), cl::cat(Category));
cl::opt<std::string>
    ChecksGlob("checks",
               cl::desc("Globs appended to the configuration's checks, e.g. "
                        "-eager-recursive-spawn"),
               cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string>
    HeaderFilter("header-filter",
                 cl::desc("Report findings in headers matching REGEX (default: "
                          "every non-system header)"),
                 cl::value_desc("regex"), cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Add an argument to every compile "
                                         "command"),
                                cl::cat(Category));
cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Add an argument at the start of every compile "
                             "command"),
                    cl::cat(Category));
cl::opt<std::string>
    SourceRootOpt("source-root",
                  cl::desc("Directory report paths are relative to (default: "
                           "the enclosing git work tree, or the current "
                           "directory)"),
                  cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string>
    ProgressOpt("progress",
                cl::desc("Progress: auto (a bar on a terminal, "
                         "lines otherwise), bar, lines, none"),
                cl::init("auto"), cl::cat(Category));
cl::opt<bool>
    AllowEmpty("allow-empty",
               cl::desc("Exit with 0, not 1, when no spawn site or eager "
                        "start is recognised (the verdict still says so)"),
               cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress and no summary"),
                    cl::cat(Category));
// CI at scale (docs/ci.md).
cl::opt<std::string>
    ChangedSince("changed-since",
                 cl::desc("Report only findings whose warning or a note lies "
                          "on a line changed since the git revision REF"),
                 cl::value_desc("REF"), cl::cat(Category));
cl::opt<std::string>
    ShardOpt("shard",
             cl::desc("Analyse the K-th of N parts of the database and write "
                      "a partial result for `eagerlint merge`"),
             cl::value_desc("K/N"), cl::cat(Category));
cl::opt<std::string>
    CacheDirOpt("cache",
                cl::desc("Reuse the results of unchanged files from DIR "
                         "(default: $EAGERLINT_CACHE_DIR)"),
                cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> CacheStatsOpt("cache-stats",
                            cl::desc("Print the cache's hits, misses and "
                                     "bytes"),
                            cl::cat(Category));

/// A usage or configuration error: exit code 2, each line printed as
/// "eagerlint: error: LINE".
llvm::Error usageError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

std::string findSourceRoot() {
  llvm::SmallString<256> Dir;
  llvm::sys::fs::current_path(Dir);
  std::string Start = normalizePath(Dir);
  for (llvm::StringRef D = Start; !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Git(D);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return D.str();
  }
  return Start;
}

bool directoryOfFileExists(llvm::StringRef File) {
  llvm::SmallString<256> Abs(File);
  llvm::sys::fs::make_absolute(Abs);
  return llvm::sys::fs::is_directory(llvm::sys::path::parent_path(Abs));
}

bool looksLikeRegex(llvm::StringRef S) {
  return S.find_first_of("*+?[](){}|^$\\") != llvm::StringRef::npos;
}

} // namespace

llvm::Error parseCommandLine(int Argc, const char **Argv) {
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "eagerlint " EAGERLINT_VERSION " (clang-tidy engine of LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });
  std::string ParseErrors;
  llvm::raw_string_ostream ParseOS(ParseErrors);
  if (cl::ParseCommandLineOptions(Argc, Argv, Overview, &ParseOS))
    return llvm::Error::success();
  // cl says "<argv0>: Unknown command line argument '-x'.  Try: ...".
  llvm::StringRef First = llvm::StringRef(ParseErrors).split('\n').first;
  if (size_t Colon = First.find(": "); Colon != llvm::StringRef::npos)
    First = First.drop_front(Colon + 2);
  First = First.split("  Try:").first.trim().rtrim('.');
  std::string Msg = First.str();
  // Errors about an option's value were printed by cl already.
  if (Msg.empty())
    return usageError("");
  Msg[0] = llvm::toLower(Msg[0]);
  return usageError(Msg + " (see --help)");
}

int usageFailure(llvm::Error E) {
  std::string Msg = llvm::toString(std::move(E));
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Msg).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef L : Lines)
    llvm::errs() << "eagerlint: error: " << L << "\n";
  return 2;
}

namespace {

llvm::Expected<OutputFormat> parseFormat(llvm::StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "json")
    return OutputFormat::JSON;
  if (Name == "sarif")
    return OutputFormat::SARIF;
  return usageError("unknown --format '" + Name +
                    "' (known: text, json, sarif)");
}

llvm::Expected<RunnerOptions::ProgressKind> parseProgress() {
  if (Quiet || ProgressOpt == "none")
    return RunnerOptions::None;
  if (ProgressOpt == "bar")
    return RunnerOptions::Bar;
  if (ProgressOpt == "lines")
    return RunnerOptions::Lines;
  if (ProgressOpt == "auto")
    return llvm::sys::Process::StandardErrIsDisplayed() ? RunnerOptions::Bar
                                                        : RunnerOptions::Lines;
  return usageError("unknown --progress '" + ProgressOpt +
                    "' (known: auto, bar, lines, none)");
}

/// The check options of the flags and of --option, validated as the checks
/// will read them.
llvm::Expected<std::map<std::string, std::string>> parseCheckOptions() {
  std::map<std::string, std::string> Out;
  for (const auto &[Key, Flag] : OptionFlags) {
    if (!Flag->getNumOccurrences())
      continue;
    if (llvm::Error E = validateOption(Key, *Flag))
      return usageError("--" + Flag->ArgStr + ": " +
                        llvm::toString(std::move(E)));
    Out[Key.str()] = *Flag;
  }
  for (const std::string &KV : CheckOptionArgs) {
    auto [Key, Value] = llvm::StringRef(KV).split('=');
    Key = Key.trim();
    if (Key.empty() || !llvm::StringRef(KV).contains('='))
      return usageError("--option '" + KV + "': expected Key=Value");
    if (!knownOptionKey(Key)) {
      std::vector<llvm::StringRef> Keys;
      for (const CheckOption &O : checkOptions())
        Keys.push_back(O.Key);
      return usageError("--option '" + KV + "': unknown option '" + Key +
                        "' (known: " + llvm::join(Keys, ", ") +
                        ", optionally prefixed with a check name)");
    }
    if (llvm::Error E = validateOption(Key, Value))
      return usageError("--option '" + KV +
                        "': " + llvm::toString(std::move(E)));
    Out[Key.str()] = Value.str();
  }
  return Out;
}

/// What every worker job shares: checks, options and extra arguments.
llvm::Expected<WorkerJob> parseJobTemplate() {
  WorkerJob Template;
  auto Options = parseCheckOptions();
  if (!Options)
    return Options.takeError();
  Template.CheckOptions = std::move(*Options);
  if (ChecksGlob.getNumOccurrences())
    Template.Checks = ChecksGlob;
  if (HeaderFilter.getNumOccurrences()) {
    std::string Why;
    if (!llvm::Regex(HeaderFilter).isValid(Why))
      return usageError("--header-filter '" + HeaderFilter + "': " + Why);
    Template.HeaderFilter = HeaderFilter;
  }
  Template.ExtraArgs = ExtraArgs;
  Template.ExtraArgsBefore = ExtraArgsBefore;
  return Template;
}

/// --changed-since, --shard and the cache, checked against the rest of \p C.
llvm::Error parseScaleOptions(DriverConfig &C) {
  C.ChangedSince = ChangedSince;
  if (ChangedSince.getNumOccurrences() && C.ChangedSince.empty())
    return usageError("--changed-since: expected a git revision");
  if (!C.ChangedSince.empty() && !C.WriteBaselineFile.empty())
    return usageError("--write-baseline records every finding; it cannot be "
                      "combined with --changed-since");

  if (ShardOpt.getNumOccurrences()) {
    auto [K, N] = llvm::StringRef(ShardOpt).split('/');
    if (K.getAsInteger(10, C.ShardIndex) || N.getAsInteger(10, C.ShardCount) ||
        C.ShardCount == 0 || C.ShardIndex == 0 || C.ShardIndex > C.ShardCount)
      return usageError("--shard '" + ShardOpt +
                        "': expected K/N with 1 <= K <= N");
    if (Format.getNumOccurrences() && C.Format != OutputFormat::JSON)
      return usageError("--shard writes a partial result, which is JSON: "
                        "--format " +
                        Format + " belongs to `eagerlint merge`");
    C.Format = OutputFormat::JSON;
    for (const auto &[Given, Flag] :
         {std::pair<bool, const char *>{C.ApplyFixes, "--fix"},
          {!C.ExportFixesFile.empty(), "--export-fixes"},
          {!C.WriteBaselineFile.empty(), "--write-baseline"},
          {C.UseBaseline, "--baseline"},
          {!C.ChangedSince.empty(), "--changed-since"}})
      if (Given)
        return usageError(llvm::Twine(Flag) +
                          " needs every shard's result: give it to "
                          "`eagerlint merge`, not to --shard");
  }

  if (CacheDirOpt.getNumOccurrences())
    C.CacheDir = CacheDirOpt;
  else if (std::optional<std::string> Env =
               llvm::sys::Process::GetEnv("EAGERLINT_CACHE_DIR"))
    C.CacheDir = *Env;
  C.CacheStats = CacheStatsOpt;
  if (C.CacheStats && C.CacheDir.empty())
    return usageError("--cache-stats needs --cache DIR or EAGERLINT_CACHE_DIR");
  if (!C.CacheDir.empty()) {
    if (std::error_code EC = llvm::sys::fs::create_directories(C.CacheDir))
      return usageError("--cache '" + C.CacheDir +
                        "': cannot create the directory: " + EC.message());
    C.CacheDir = normalizePath(C.CacheDir);
  }
  return llvm::Error::success();
}

} // namespace

llvm::Expected<DriverConfig> parseDriverConfig() {
  DriverConfig C;
  C.Inputs = Inputs;
  C.BuildPath = BuildPath;
  auto F = parseFormat(Format);
  if (!F)
    return F.takeError();
  C.Format = *F;
  auto P = parseProgress();
  if (!P)
    return P.takeError();
  C.Progress = *P;
  C.Jobs = Jobs ? Jobs : std::max(1u, std::thread::hardware_concurrency());
  C.Quiet = Quiet;
  C.ApplyFixes = ApplyFixes;
  C.AllowEmpty = AllowEmpty;
  auto T = parseJobTemplate();
  if (!T)
    return T.takeError();
  C.Template = std::move(*T);

  C.OutputFile = OutputFile;
  C.ExportFixesFile = ExportFixesFile;
  C.WriteBaselineFile = WriteBaselineFile;
  for (const auto &[Flag, File] :
       {std::pair<const char *, std::string>{"--output", C.OutputFile},
        {"--export-fixes", C.ExportFixesFile},
        {"--write-baseline", C.WriteBaselineFile}})
    if (!File.empty() && !directoryOfFileExists(File))
      return usageError(File + ": cannot write " + Flag +
                        ": its directory does not exist");
  if (!BaselineFile.empty()) {
    auto B = readBaseline(BaselineFile);
    if (!B)
      return B.takeError();
    C.Baseline = std::move(*B);
    C.UseBaseline = true;
  }

  C.SourceRoot =
      SourceRootOpt.empty() ? findSourceRoot() : normalizePath(SourceRootOpt);
  if (!llvm::sys::fs::is_directory(C.SourceRoot))
    return usageError("--source-root '" + SourceRootOpt +
                      "': no such directory");
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  C.WorkingDir = normalizePath(Cwd);
  if (llvm::Error E = parseScaleOptions(C))
    return std::move(E);
  return C;
}

namespace {

/// The path of the compilation database: -p as a directory or a file, else
/// the first compile_commands.json in the working directory or a parent.
llvm::Expected<std::string> findDatabase(const DriverConfig &C) {
  if (C.BuildPath.empty()) {
    for (llvm::StringRef D = C.WorkingDir; !D.empty();
         D = llvm::sys::path::parent_path(D)) {
      llvm::SmallString<256> P(D);
      llvm::sys::path::append(P, "compile_commands.json");
      if (llvm::sys::fs::exists(P))
        return std::string(P);
    }
    return usageError("no compile_commands.json in the current directory "
                      "or its parents; name the build directory with -p");
  }
  if (llvm::sys::fs::is_directory(C.BuildPath)) {
    llvm::SmallString<256> P(C.BuildPath);
    llvm::sys::path::append(P, "compile_commands.json");
    if (!llvm::sys::fs::exists(P))
      return usageError(C.BuildPath + ": no compile_commands.json in this "
                                      "directory (configure with "
                                      "CMAKE_EXPORT_COMPILE_COMMANDS=ON)");
    return std::string(P);
  }
  if (llvm::sys::fs::exists(C.BuildPath))
    return C.BuildPath;
  return usageError(C.BuildPath + ": no such build directory");
}

/// Adds to \p S the files of the database that the input \p In names.
llvm::Error selectInput(const std::string &In, const std::string &DBPath,
                        const std::map<std::string, std::string> &DBFiles,
                        Selection &S, llvm::StringSet<> &Chosen) {
  auto Choose = [&](const std::string &F) {
    if (Chosen.insert(F).second)
      S.Files.push_back(F);
  };
  if (llvm::sys::fs::is_regular_file(In)) {
    std::string N = normalizePath(In);
    if (DBFiles.count(N))
      Choose(N);
    else if (llvm::none_of(S.NotAnalysable,
                           [&](const FailedFile &F) { return F.File == N; }))
      S.NotAnalysable.push_back(
          {N, "not in the compilation database " + DBPath});
    return llvm::Error::success();
  }
  if (llvm::sys::fs::is_directory(In)) {
    std::string Dir = normalizePath(In);
    bool Any = false;
    for (const auto &KV : DBFiles)
      if (isUnder(KV.first, Dir)) {
        Choose(KV.first);
        Any = true;
      }
    if (!Any)
      return usageError(In + ": no file of the compilation database is in "
                             "this directory");
    return llvm::Error::success();
  }
  if (looksLikeRegex(In)) {
    llvm::Regex Re(In);
    std::string Why;
    if (!Re.isValid(Why))
      return usageError("'" + In +
                        "': not a file, a directory or a valid regular "
                        "expression: " +
                        Why);
    bool Any = false;
    for (const auto &KV : DBFiles)
      if (Re.match(KV.first)) {
        Choose(KV.first);
        Any = true;
      }
    if (!Any)
      return usageError("'" + In +
                        "' matches no file of the compilation database");
    return llvm::Error::success();
  }
  S.NotAnalysable.push_back({normalizePath(In), "no such file"});
  return llvm::Error::success();
}

} // namespace

llvm::Expected<Selection> selectInputs(const DriverConfig &C) {
  Selection S;
  auto DBPath = findDatabase(C);
  if (!DBPath)
    return DBPath.takeError();
  std::string DBError;
  S.DB = clang::tooling::JSONCompilationDatabase::loadFromFile(
      *DBPath, DBError, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!S.DB)
    return usageError(*DBPath + ": not a compilation database: " +
                      llvm::StringRef(DBError).split('\n').first);

  // Every file of the database once, by its normalized path.
  for (const std::string &F : S.DB->getAllFiles())
    S.DBFiles.emplace(normalizePath(F), F);
  if (S.DBFiles.empty())
    return usageError(*DBPath + ": lists no files");

  if (C.Inputs.empty())
    for (const auto &KV : S.DBFiles)
      S.Files.push_back(KV.first);
  llvm::StringSet<> Chosen;
  for (const std::string &In : C.Inputs)
    if (llvm::Error E = selectInput(In, *DBPath, S.DBFiles, S, Chosen))
      return std::move(E);

  std::vector<std::string> Problems = checkConfigurationFiles(S.Files);
  if (!Problems.empty())
    return usageError(llvm::join(Problems, "\n"));
  return S;
}

std::vector<JobOutcome> analyseFiles(const DriverConfig &C, const Selection &S,
                                     const std::vector<std::string> &Files,
                                     const std::string &Executable) {
  // One job per file, with all its compile commands.
  std::vector<WorkerJob> Work;
  for (const std::string &F : Files) {
    WorkerJob J = C.Template;
    J.File = F;
    J.Commands = S.DB->getCompileCommands(S.DBFiles.at(F));
    Work.push_back(std::move(J));
  }
  RunnerOptions RO;
  RO.Executable = Executable;
  RO.Jobs = C.Jobs;
  RO.Progress = C.Progress;
  RO.Display = [&](const std::string &F) {
    return relativeTo(F, C.SourceRoot);
  };
  if (C.CacheDir.empty())
    return runWorkers(Work, RO);
  ResultCache Cache(C.CacheDir, Executable);
  std::vector<JobOutcome> Outcomes = runWorkersCached(Work, RO, Cache);
  if (C.CacheStats)
    Cache.printStats(llvm::errs());
  return Outcomes;
}

Report assembleReport(const DriverConfig &C,
                      const std::vector<JobOutcome> &Outcomes,
                      const std::vector<FailedFile> &NotAnalysable,
                      SourceCache &Sources) {
  Report R = buildReport(Outcomes, Sources, C.SourceRoot);
  R.Jobs = C.Jobs;
  R.Files += NotAnalysable.size();
  for (const FailedFile &F : NotAnalysable)
    R.Failed.push_back(F);
  llvm::sort(R.Failed, [](const FailedFile &L, const FailedFile &Rt) {
    return std::tie(L.File, L.Reason) < std::tie(Rt.File, Rt.Reason);
  });
  return R;
}

Report runAnalysis(const DriverConfig &C, const Selection &S,
                   const std::string &Executable, SourceCache &Sources) {
  return assembleReport(C, analyseFiles(C, S, S.Files, Executable),
                        S.NotAnalysable, Sources);
}

llvm::Expected<std::optional<ChangedLines>>
readChanges(const DriverConfig &C) {
  if (C.ChangedSince.empty())
    return std::nullopt;
  auto Changes = readChangedLines(C.ChangedSince, C.WorkingDir);
  if (!Changes)
    return Changes.takeError();
  return std::optional<ChangedLines>(std::move(*Changes));
}

namespace {

void printFixStats(const FixStats &S) {
  llvm::errs() << "eagerlint: applied " << S.Applied
               << (S.Applied == 1 ? " fix-it" : " fix-its") << " to "
               << S.FilesChanged << (S.FilesChanged == 1 ? " file" : " files")
               << (S.Duplicates ? " (" + std::to_string(S.Duplicates) +
                                      " duplicates skipped)"
                                : "")
               << (S.Conflicts ? ", " + std::to_string(S.Conflicts) +
                                     " conflicting fix-its left out"
                               : "")
               << "\n";
}

/// Reports \p E, if any, as an I/O failure; returns whether there was one.
bool failed(llvm::Error E) {
  if (!E)
    return false;
  llvm::errs() << "eagerlint: error: " << llvm::toString(std::move(E)) << "\n";
  return true;
}

} // namespace

int emitResults(const DriverConfig &C, Report &R, SourceCache &Sources) {
  // Configuration problems the files checked before the run do not show (a
  // bad option value the engine rejects): the first one, once.
  if (!R.ConfigErrors.empty()) {
    llvm::errs() << "eagerlint: error: configuration: " << R.ConfigErrors[0];
    if (R.ConfigErrors.size() > 1)
      llvm::errs() << " (and " << R.ConfigErrors.size() - 1 << " more)";
    llvm::errs() << "\n";
    return 2;
  }
  if (C.UseBaseline)
    applyBaseline(R, C.Baseline);

  for (const FailedFile &F : R.Failed)
    llvm::errs() << "eagerlint: error: cannot analyse " << R.display(F.File)
                 << ": " << F.Reason << "\n";

  // A run that recognised nothing has not shown the code is ready to flip.
  bool FailsEmpty = R.nothingRecognised() && !C.AllowEmpty;
  int Exit = !R.Failed.empty()               ? 3
             : !C.WriteBaselineFile.empty()  ? 0
             : R.newFindings() || FailsEmpty ? 1
                                             : 0;
  bool IOFailed = false;
  if (C.ApplyFixes) {
    FixStats S = applyFixes(R);
    for (const std::string &E : S.Errors) {
      llvm::errs() << "eagerlint: error: " << E << "\n";
      IOFailed = true;
    }
    if (!C.Quiet)
      printFixStats(S);
  }
  if (!C.ExportFixesFile.empty())
    IOFailed |= failed(exportFixes(C.ExportFixesFile, R));

  auto WriteReport = [&](llvm::raw_ostream &OS) {
    switch (C.Format) {
    case OutputFormat::JSON:
      return writeJSON(OS, R, Exit);
    case OutputFormat::SARIF:
      return writeSARIF(OS, R, Exit);
    case OutputFormat::Text:
      return writeText(OS, R, Sources, C.WorkingDir);
    }
  };
  if (C.OutputFile.empty()) {
    WriteReport(llvm::outs());
    llvm::outs().flush();
  } else {
    IOFailed |= failed(writeFileAtomically(C.OutputFile, WriteReport));
  }
  if (!C.WriteBaselineFile.empty())
    IOFailed |= failed(writeBaseline(C.WriteBaselineFile, R));

  if (!C.Quiet)
    writeSummary(llvm::errs(), R);
  else if (FailsEmpty && Exit == 1)
    // The only reason for the exit code, which --quiet must not hide.
    llvm::errs() << "eagerlint: " << verdict(R) << "\n";
  return IOFailed ? 2 : Exit;
}

int finishRun(const DriverConfig &C, Report &R, SourceCache &Sources,
              const std::optional<ChangedLines> &Changes) {
  if (Changes) {
    unsigned Dropped = keepChangedFindings(R, *Changes);
    if (!C.Quiet && R.ConfigErrors.empty())
      llvm::errs() << "eagerlint: --changed-since " << C.ChangedSince << ": "
                   << Dropped << (Dropped == 1 ? " finding" : " findings")
                   << " on unchanged lines not reported\n";
  }
  return emitResults(C, R, Sources);
}

int runDriver(int Argc, const char **Argv, const std::string &Executable) {
  auto Start = std::chrono::steady_clock::now();
  if (llvm::Error E = parseCommandLine(Argc, Argv))
    return usageFailure(std::move(E));
  llvm::Expected<DriverConfig> C = parseDriverConfig();
  if (!C)
    return usageFailure(C.takeError());
  // Git is asked first, so a mistyped revision costs no analysis.
  auto Changes = readChanges(*C);
  if (!Changes)
    return usageFailure(Changes.takeError());
  llvm::Expected<Selection> S = selectInputs(*C);
  if (!S)
    return usageFailure(S.takeError());
  if (C->ShardCount)
    return runShard(*C, *S, Executable);
  SourceCache Sources;
  Report R = runAnalysis(*C, *S, Executable, Sources);
  R.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return finishRun(*C, R, Sources, *Changes);
}

} // namespace eagerlint::cli
