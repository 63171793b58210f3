//===- Runner.h - Worker processes, in parallel, with progress --*- C++ -*-===//
#ifndef EAGERLINT_TOOL_RUNNER_H
#define EAGERLINT_TOOL_RUNNER_H

#include "Records.h"
#include "Worker.h"
#include <functional>
#include <string>
#include <vector>

namespace eagerlint::cli {

struct RunnerOptions {
  std::string Executable; ///< This program, started as `--worker`.
  unsigned Jobs = 1;
  /// Redraw one progress line (on a terminal), print one line per file, or
  /// print nothing.
  enum ProgressKind { Bar, Lines, None } Progress = None;
  /// How a file is named in progress lines.
  std::function<std::string(const std::string &)> Display;
};

struct JobOutcome {
  /// Set when the worker wrote its result.
  bool HasResult = false;
  TUResult Result;
  /// Why there is no result: a crash, a signal, a worker that could not start.
  std::string Failure;
};

/// Runs one worker process per job, at most Jobs at a time, largest files
/// first. Outcomes come back in the order of \p Jobs.
std::vector<JobOutcome> runWorkers(const std::vector<WorkerJob> &Jobs,
                                   const RunnerOptions &Opts);

/// Eager-* warnings in \p R, for progress lines.
unsigned countFindings(const TUResult &R);

} // namespace eagerlint::cli

#endif
