//===- Worker.h - One translation unit through clang-tidy's engine -*- C++ -*-//
#ifndef EAGERLINT_TOOL_WORKER_H
#define EAGERLINT_TOOL_WORKER_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eagerlint::cli {

/// The checks every run starts from; configuration files and --checks may
/// only switch eager-* checks off and on again (see EagerOptionsProvider).
inline constexpr const char *DefaultChecks = "-*,eager-*";

/// What the driver asks a worker process to analyse, and how.
struct WorkerJob {
  std::string File;
  std::vector<clang::tooling::CompileCommand> Commands;
  /// Appended to the checks of the configuration files (--checks).
  std::optional<std::string> Checks;
  /// Overrides the configuration files' HeaderFilterRegex (--header-filter).
  std::optional<std::string> HeaderFilter;
  /// Global check options that override the configuration files.
  std::map<std::string, std::string> CheckOptions;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
};

/// The compile commands of one job, whatever file is asked for.
class JobDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit JobDatabase(std::vector<clang::tooling::CompileCommand> Commands)
      : Commands(std::move(Commands)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return Commands;
  }

private:
  std::vector<clang::tooling::CompileCommand> Commands;
};

llvm::json::Value toJSON(const WorkerJob &J);
bool fromJSON(const llvm::json::Value &V, WorkerJob &J, llvm::json::Path P);

/// Entry point of `eagerlint --worker JOB RESULT`: analyses the job's file
/// and writes a TUResult to RESULT. Returns 0 when RESULT was written.
int runWorker(llvm::StringRef JobFile, llvm::StringRef ResultFile);

/// Problems in the `.clang-tidy` files that configure \p Files (a file
/// that does not parse, an unknown profile), one line each naming the
/// configuration file. The driver stops with exit code 2 on any.
std::vector<std::string>
checkConfigurationFiles(const std::vector<std::string> &Files);

/// Names the installed compiler's resource directory (builtin headers) in
/// a compile command that does not name one: this executable does not live
/// next to them.
clang::tooling::ArgumentsAdjuster resourceDirAdjuster();

/// Drops the globs of a clang-tidy `Checks` value that do not name an eager-*
/// check, so a project's `-*,bugprone-*` does not switch eagerlint off while
/// `-eager-recursive-spawn` still does.
std::string eagerGlobsOnly(llvm::StringRef Checks);

} // namespace eagerlint::cli

#endif
