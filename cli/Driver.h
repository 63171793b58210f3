//===- Driver.h - `eagerlint [options] [files...]` --------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_DRIVER_H
#define EAGERLINT_TOOL_DRIVER_H

#include "Baseline.h"
#include "Changes.h"
#include "Report.h"
#include "Runner.h"
#include "Worker.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eagerlint::cli {

enum class OutputFormat { Text, JSON, SARIF };

/// A run as the command line describes it, validated.
struct DriverConfig {
  std::vector<std::string> Inputs; ///< Files, directories or regexes.
  std::string BuildPath;           ///< -p; empty: search upwards.
  OutputFormat Format = OutputFormat::Text;
  RunnerOptions::ProgressKind Progress = RunnerOptions::None;
  unsigned Jobs = 1;
  bool Quiet = false;
  bool ApplyFixes = false;
  /// A run that recognises no spawn site exits 0, not 1 (--allow-empty).
  bool AllowEmpty = false;
  /// Checks, check options and extra arguments every job shares.
  WorkerJob Template;
  std::string OutputFile, ExportFixesFile, WriteBaselineFile;
  bool UseBaseline = false;
  std::vector<BaselineEntry> Baseline;
  std::string SourceRoot; ///< Normalized; report paths are relative to it.
  std::string WorkingDir; ///< Normalized; text paths are relative to it.
  /// --changed-since: report only findings on lines changed since it.
  std::string ChangedSince;
  /// --shard K/N (1 <= K <= N); ShardCount is 0 for a whole run.
  unsigned ShardIndex = 0, ShardCount = 0;
  /// --cache or EAGERLINT_CACHE_DIR; empty: no cache.
  std::string CacheDir;
  bool CacheStats = false;
};

/// The files a run analyses.
struct Selection {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  /// Every file of the database: normalized path -> as the database lists it.
  std::map<std::string, std::string> DBFiles;
  /// Normalized paths, each once, in the order the inputs name them.
  std::vector<std::string> Files;
  /// Inputs that name no file of the database.
  std::vector<FailedFile> NotAnalysable;
};

/// Parses \p Argv into llvm::cl's options; an error holds cl's complaint in
/// one line.
llvm::Error parseCommandLine(int Argc, const char **Argv);

/// Prints each line of a usage or configuration error; returns exit code 2.
int usageFailure(llvm::Error E);

/// The configuration of the command line parsed into llvm::cl's options; a
/// usage or configuration error (exit code 2) names what is wrong.
llvm::Expected<DriverConfig> parseDriverConfig();

/// The compilation database and the files of it that \p C selects, after
/// checking the `.clang-tidy` files that configure them.
llvm::Expected<Selection> selectInputs(const DriverConfig &C);

/// Runs one worker process per file of \p Files (files of \p S), or takes
/// its result from the cache; outcomes in the order of \p Files.
std::vector<JobOutcome> analyseFiles(const DriverConfig &C, const Selection &S,
                                     const std::vector<std::string> &Files,
                                     const std::string &Executable);

/// The report of \p Outcomes and of the inputs that named no file of the
/// database, as one run over all of them builds it.
Report assembleReport(const DriverConfig &C,
                      const std::vector<JobOutcome> &Outcomes,
                      const std::vector<FailedFile> &NotAnalysable,
                      SourceCache &Sources);

/// Runs one worker process per selected file and builds the report.
Report runAnalysis(const DriverConfig &C, const Selection &S,
                   const std::string &Executable, SourceCache &Sources);

/// The lines --changed-since names, asked of git before any analysis; none
/// without the flag.
llvm::Expected<std::optional<ChangedLines>>
readChanges(const DriverConfig &C);

/// Keeps the findings on changed lines (if \p Changes), then does what
/// emitResults does; returns the exit code.
int finishRun(const DriverConfig &C, Report &R, SourceCache &Sources,
              const std::optional<ChangedLines> &Changes);

/// Applies the baseline, fix-its and writes the report, the baseline and the
/// summary; returns the exit code.
int emitResults(const DriverConfig &C, Report &R, SourceCache &Sources);

/// Runs the command line \p Argv; \p Executable is this program, started
/// again for each translation unit. Returns the exit code (docs/design.md §5).
int runDriver(int Argc, const char **Argv, const std::string &Executable);

} // namespace eagerlint::cli

#endif
