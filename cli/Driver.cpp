//===- Driver.cpp - `eagerlint [options] [files...]` ----------------------===//
//
// Reads the command line and the compilation database, runs one worker per
// translation unit, then does the project-wide pass, the baseline, fix-its,
// the report and the summary. Exit codes (design §5): 0 no new findings,
// 1 findings, 2 usage or configuration error, 3 a file could not be analysed.
//
//===----------------------------------------------------------------------===//
#include "Driver.h"
#include "Baseline.h"
#include "Fixes.h"
#include "Output.h"
#include "Report.h"
#include "Rules.h"
#include "Runner.h"
#include "Support.h"
#include "Worker.h"
#include "eagerlint/analysis/Profile.h"
#include "clang/Tooling/CompilationDatabase.h"
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

#ifndef EAGERLINT_VERSION
#define EAGERLINT_VERSION "0.0.0"
#endif

namespace cl = llvm::cl;

namespace eagerlint::cli {

namespace {

cl::OptionCategory Category("eagerlint options");

const char Overview[] =
    "Finds code that relies on lazily started tasks, so a coroutine runtime "
    "can flip its default to eager start.\n\n"
    "  eagerlint -p BUILD_DIR [files, directories or regexes...]\n"
    "  eagerlint verify PROGRAM.cpp\n";

cl::extrahelp ExtraHelp(R"(
Inputs: a file of the compilation database, a directory (its files), or a
regular expression matched against the paths of the database (as
run-clang-tidy). None: every file of the database.

Configuration: .clang-tidy files are honoured as clang-tidy does (check
options, `-eager-...` in Checks, NOLINT); options given here override them.

Exit codes:
  0  no findings (none outside the baseline)
  1  findings
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
cl::opt<std::string> ProfileName("profile",
                                 cl::desc("API profile: reference or asio "
                                          "(option Profile)"),
                                 cl::value_desc("name"), cl::cat(Category));

struct ListOption {
  const char *Flag;
  const char *Key;
  const char *Help;
};
const ListOption ListOptions[] = {
    {"spawn-functions", "SpawnFunctions",
     "';'-separated functions that spawn a task, added to the profile"},
    {"cancel-functions", "CancelFunctions",
     "';'-separated functions that cancel a spawned task"},
    {"state-query-functions", "StateQueryFunctions",
     "';'-separated functions that query a task's state"},
    {"timeout-functions", "TimeoutFunctions",
     "';'-separated functions that enter a timeout or cancel scope"},
    {"ambient-task-functions", "AmbientTaskFunctions",
     "';'-separated functions that observe the running task"},
    {"never-suspending-awaitables", "NeverSuspendingAwaitables",
     "';'-separated awaitable types that never suspend"},
    {"yield-statement", "YieldStatement",
     "Statement the fix-its insert to force a suspension"},
    {"yield-header", "YieldHeader",
     "Header the fix-its include for the yield statement"},
};
cl::opt<std::string> SpawnFunctions("spawn-functions",
                                    cl::desc(ListOptions[0].Help),
                                    cl::value_desc("names"), cl::cat(Category));
cl::opt<std::string> CancelFunctions("cancel-functions",
                                     cl::desc(ListOptions[1].Help),
                                     cl::value_desc("names"),
                                     cl::cat(Category));
cl::opt<std::string> StateQueryFunctions("state-query-functions",
                                         cl::desc(ListOptions[2].Help),
                                         cl::value_desc("names"),
                                         cl::cat(Category));
cl::opt<std::string> TimeoutFunctions("timeout-functions",
                                      cl::desc(ListOptions[3].Help),
                                      cl::value_desc("names"),
                                      cl::cat(Category));
cl::opt<std::string> AmbientTaskFunctions("ambient-task-functions",
                                          cl::desc(ListOptions[4].Help),
                                          cl::value_desc("names"),
                                          cl::cat(Category));
cl::opt<std::string> NeverSuspendingAwaitables("never-suspending-awaitables",
                                               cl::desc(ListOptions[5].Help),
                                               cl::value_desc("types"),
                                               cl::cat(Category));
cl::opt<std::string> YieldStatement("yield-statement",
                                    cl::desc(ListOptions[6].Help),
                                    cl::value_desc("statement"),
                                    cl::cat(Category));
cl::opt<std::string> YieldHeader("yield-header", cl::desc(ListOptions[7].Help),
                                 cl::value_desc("header"), cl::cat(Category));
cl::opt<std::string> *const ListOptionValues[] = {
    &SpawnFunctions,   &CancelFunctions,      &StateQueryFunctions,
    &TimeoutFunctions, &AmbientTaskFunctions, &NeverSuspendingAwaitables,
    &YieldStatement,   &YieldHeader};

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
cl::opt<bool> Quiet("quiet", cl::desc("No progress and no summary"),
                    cl::cat(Category));

int usageError(const llvm::Twine &Message) {
  llvm::errs() << "eagerlint: error: " << Message << "\n";
  return 2;
}

/// Check-local keys the checks read ("Profile", "SpawnFunctions", ...).
const llvm::StringRef KnownOptionKeys[] = {"Profile",
                                           "SpawnFunctions",
                                           "CancelFunctions",
                                           "StateQueryFunctions",
                                           "TimeoutFunctions",
                                           "AmbientTaskFunctions",
                                           "NeverSuspendingAwaitables",
                                           "YieldStatement",
                                           "YieldHeader",
                                           "IncludeStyle"};

bool knownOptionKey(llvm::StringRef Key) {
  auto [Check, Local] = Key.rsplit('.');
  if (Local.empty())
    return llvm::is_contained(KnownOptionKeys, Key);
  return findRule(Check) && llvm::is_contained(KnownOptionKeys, Local);
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

int runDriver(int Argc, const char **Argv, const std::string &Executable) {
  auto Start = std::chrono::steady_clock::now();
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "eagerlint " EAGERLINT_VERSION " (clang-tidy engine of LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });
  std::string ParseErrors;
  llvm::raw_string_ostream ParseOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(Argc, Argv, Overview, &ParseOS)) {
    // cl says "<argv0>: Unknown command line argument '-x'.  Try: ...".
    llvm::StringRef First = llvm::StringRef(ParseErrors).split('\n').first;
    if (size_t Colon = First.find(": "); Colon != llvm::StringRef::npos)
      First = First.drop_front(Colon + 2);
    First = First.split("  Try:").first.trim().rtrim('.');
    std::string Msg = First.str();
    // Errors about an option's value were printed by cl already.
    if (Msg.empty())
      return 2;
    Msg[0] = llvm::toLower(Msg[0]);
    return usageError(Msg + " (see --help)");
  }

  // Options.
  if (Format != "text" && Format != "json" && Format != "sarif")
    return usageError("unknown --format '" + Format +
                      "' (known: text, json, sarif)");
  RunnerOptions::ProgressKind ProgressKind;
  if (Quiet || ProgressOpt == "none")
    ProgressKind = RunnerOptions::None;
  else if (ProgressOpt == "bar")
    ProgressKind = RunnerOptions::Bar;
  else if (ProgressOpt == "lines")
    ProgressKind = RunnerOptions::Lines;
  else if (ProgressOpt == "auto")
    ProgressKind = llvm::sys::Process::StandardErrIsDisplayed()
                       ? RunnerOptions::Bar
                       : RunnerOptions::Lines;
  else
    return usageError("unknown --progress '" + ProgressOpt +
                      "' (known: auto, bar, lines, none)");

  WorkerJob Template;
  if (ProfileName.getNumOccurrences()) {
    llvm::Expected<analysis::Profile> P =
        analysis::Profile::builtin(ProfileName);
    if (!P)
      return usageError("--profile: " + llvm::toString(P.takeError()));
    Template.CheckOptions["Profile"] = ProfileName;
  }
  for (size_t I = 0; I < std::size(ListOptions); ++I)
    if (ListOptionValues[I]->getNumOccurrences())
      Template.CheckOptions[ListOptions[I].Key] = *ListOptionValues[I];
  for (const std::string &KV : CheckOptionArgs) {
    auto [Key, Value] = llvm::StringRef(KV).split('=');
    Key = Key.trim();
    if (Key.empty() || !llvm::StringRef(KV).contains('='))
      return usageError("--option '" + KV + "': expected Key=Value");
    if (!knownOptionKey(Key))
      return usageError(
          "--option '" + KV + "': unknown option '" + Key +
          "' (known: " + llvm::join(llvm::ArrayRef(KnownOptionKeys), ", ") +
          ", optionally prefixed with a check name)");
    if (Key == "Profile" || Key.ends_with(".Profile")) {
      llvm::Expected<analysis::Profile> P = analysis::Profile::builtin(Value);
      if (!P)
        return usageError("--option '" + KV +
                          "': " + llvm::toString(P.takeError()));
    }
    Template.CheckOptions[Key.str()] = Value.str();
  }
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

  for (const auto &[Flag, File] :
       {std::pair<const char *, std::string>{"--output", OutputFile},
        {"--export-fixes", ExportFixesFile},
        {"--write-baseline", WriteBaselineFile}})
    if (!File.empty() && !directoryOfFileExists(File))
      return usageError(File + ": cannot write " + Flag +
                        ": its directory does not exist");

  std::vector<BaselineEntry> Baseline;
  if (!BaselineFile.empty()) {
    auto B = readBaseline(BaselineFile);
    if (!B)
      return usageError(llvm::toString(B.takeError()));
    Baseline = std::move(*B);
  }

  std::string SourceRoot =
      SourceRootOpt.empty() ? findSourceRoot() : normalizePath(SourceRootOpt);
  if (!llvm::sys::fs::is_directory(SourceRoot))
    return usageError("--source-root '" + SourceRootOpt +
                      "': no such directory");
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  std::string WorkingDir = normalizePath(Cwd);

  // The compilation database.
  std::string DBPath;
  if (BuildPath.empty()) {
    for (llvm::StringRef D = WorkingDir; !D.empty();
         D = llvm::sys::path::parent_path(D)) {
      llvm::SmallString<256> P(D);
      llvm::sys::path::append(P, "compile_commands.json");
      if (llvm::sys::fs::exists(P)) {
        DBPath = std::string(P);
        break;
      }
    }
    if (DBPath.empty())
      return usageError("no compile_commands.json in the current directory "
                        "or its parents; name the build directory with -p");
  } else if (llvm::sys::fs::is_directory(BuildPath)) {
    llvm::SmallString<256> P(BuildPath);
    llvm::sys::path::append(P, "compile_commands.json");
    DBPath = std::string(P);
    if (!llvm::sys::fs::exists(DBPath))
      return usageError(BuildPath + ": no compile_commands.json in this "
                                    "directory (configure with "
                                    "CMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  } else if (llvm::sys::fs::exists(BuildPath)) {
    DBPath = BuildPath;
  } else {
    return usageError(BuildPath + ": no such build directory");
  }
  std::string DBError;
  std::unique_ptr<clang::tooling::JSONCompilationDatabase> DB =
      clang::tooling::JSONCompilationDatabase::loadFromFile(
          DBPath, DBError, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return usageError(DBPath + ": not a compilation database: " +
                      llvm::StringRef(DBError).split('\n').first);

  // Every file of the database once, by its normalized path.
  std::map<std::string, std::string> DBFiles; // normalized -> as listed
  for (const std::string &F : DB->getAllFiles())
    DBFiles.emplace(normalizePath(F), F);
  if (DBFiles.empty())
    return usageError(DBPath + ": lists no files");

  std::vector<std::string> Selected;
  std::vector<FailedFile> NotAnalysable;
  if (Inputs.empty()) {
    for (const auto &KV : DBFiles)
      Selected.push_back(KV.first);
  } else {
    llvm::StringSet<> Chosen;
    auto Choose = [&](const std::string &F) {
      if (Chosen.insert(F).second)
        Selected.push_back(F);
    };
    for (const std::string &In : Inputs) {
      if (llvm::sys::fs::is_regular_file(In)) {
        std::string N = normalizePath(In);
        if (DBFiles.count(N))
          Choose(N);
        else if (llvm::none_of(NotAnalysable, [&](const FailedFile &F) {
                   return F.File == N;
                 }))
          NotAnalysable.push_back(
              {N, "not in the compilation database " + DBPath});
      } else if (llvm::sys::fs::is_directory(In)) {
        std::string Dir = normalizePath(In);
        size_t Before = Selected.size();
        for (const auto &KV : DBFiles)
          if (isUnder(KV.first, Dir))
            Choose(KV.first);
        if (Selected.size() == Before &&
            llvm::none_of(DBFiles, [&](const auto &KV) {
              return isUnder(KV.first, Dir);
            }))
          return usageError(In + ": no file of the compilation database is "
                                 "in this directory");
      } else if (looksLikeRegex(In)) {
        llvm::Regex Re(In);
        std::string Why;
        if (!Re.isValid(Why))
          return usageError("'" + In +
                            "': not a file, a directory or a "
                            "valid regular expression: " +
                            Why);
        bool Any = false;
        for (const auto &KV : DBFiles)
          if (Re.match(KV.first)) {
            Choose(KV.first);
            Any = true;
          }
        if (!Any)
          return usageError("'" + In +
                            "' matches no file of the compilation "
                            "database");
      } else {
        NotAnalysable.push_back({normalizePath(In), "no such file"});
      }
    }
  }

  std::vector<std::string> ConfigProblems = checkConfigurationFiles(Selected);
  if (!ConfigProblems.empty()) {
    for (const std::string &P : ConfigProblems)
      llvm::errs() << "eagerlint: error: " << P << "\n";
    return 2;
  }

  // One job per file, with all its compile commands.
  std::vector<WorkerJob> Work;
  for (const std::string &F : Selected) {
    WorkerJob J = Template;
    J.File = F;
    J.Commands = DB->getCompileCommands(DBFiles[F]);
    Work.push_back(std::move(J));
  }

  RunnerOptions RO;
  RO.Executable = Executable;
  RO.Jobs = Jobs ? Jobs : std::max(1u, std::thread::hardware_concurrency());
  RO.Progress = ProgressKind;
  RO.Display = [&](const std::string &F) { return relativeTo(F, SourceRoot); };
  std::vector<JobOutcome> Outcomes = runWorkers(Work, RO);

  SourceCache Sources;
  Report R = buildReport(Outcomes, Sources, SourceRoot);
  R.Jobs = RO.Jobs;
  R.Files += NotAnalysable.size();
  for (FailedFile &F : NotAnalysable)
    R.Failed.push_back(std::move(F));
  llvm::sort(R.Failed, [](const FailedFile &L, const FailedFile &Rt) {
    return std::tie(L.File, L.Reason) < std::tie(Rt.File, Rt.Reason);
  });

  // Configuration problems the files checked above do not show (a bad
  // option value the engine rejects): the first one, once.
  if (!R.ConfigErrors.empty()) {
    llvm::errs() << "eagerlint: error: configuration: " << R.ConfigErrors[0];
    if (R.ConfigErrors.size() > 1)
      llvm::errs() << " (and " << R.ConfigErrors.size() - 1 << " more)";
    llvm::errs() << "\n";
    return 2;
  }
  if (!BaselineFile.empty())
    applyBaseline(R, Baseline);

  for (const FailedFile &F : R.Failed)
    llvm::errs() << "eagerlint: error: cannot analyse " << R.display(F.File)
                 << ": " << F.Reason << "\n";

  int Exit = !R.Failed.empty()            ? 3
             : !WriteBaselineFile.empty() ? 0
             : R.newFindings()            ? 1
                                          : 0;
  bool IOFailed = false;

  if (ApplyFixes) {
    FixStats S = applyFixes(R);
    for (const std::string &E : S.Errors) {
      llvm::errs() << "eagerlint: error: " << E << "\n";
      IOFailed = true;
    }
    if (!Quiet)
      llvm::errs() << "eagerlint: applied " << S.Applied
                   << (S.Applied == 1 ? " fix-it" : " fix-its") << " to "
                   << S.FilesChanged
                   << (S.FilesChanged == 1 ? " file" : " files")
                   << (S.Duplicates ? " (" + std::to_string(S.Duplicates) +
                                          " duplicates skipped)"
                                    : "")
                   << (S.Conflicts ? ", " + std::to_string(S.Conflicts) +
                                         " conflicting fix-its left out"
                                   : "")
                   << "\n";
  }
  if (!ExportFixesFile.empty())
    if (llvm::Error E = exportFixes(ExportFixesFile, R)) {
      llvm::errs() << "eagerlint: error: " << llvm::toString(std::move(E))
                   << "\n";
      IOFailed = true;
    }

  R.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  auto WriteReport = [&](llvm::raw_ostream &OS) {
    if (Format == "json")
      writeJSON(OS, R, Exit);
    else if (Format == "sarif")
      writeSARIF(OS, R, Exit);
    else
      writeText(OS, R, Sources, WorkingDir);
  };
  if (OutputFile.empty()) {
    WriteReport(llvm::outs());
    llvm::outs().flush();
  } else if (llvm::Error E = writeFileAtomically(OutputFile, WriteReport)) {
    llvm::errs() << "eagerlint: error: " << llvm::toString(std::move(E))
                 << "\n";
    IOFailed = true;
  }
  if (!WriteBaselineFile.empty())
    if (llvm::Error E = writeBaseline(WriteBaselineFile, R)) {
      llvm::errs() << "eagerlint: error: " << llvm::toString(std::move(E))
                   << "\n";
      IOFailed = true;
    }

  if (!Quiet)
    writeSummary(llvm::errs(), R);
  return IOFailed ? 2 : Exit;
}

} // namespace eagerlint::cli
