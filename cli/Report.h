//===- Report.h - The project-wide result of a run --------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_REPORT_H
#define EAGERLINT_TOOL_REPORT_H

#include "Records.h"
#include "Runner.h"
#include "Support.h"
#include <map>
#include <string>
#include <vector>

namespace eagerlint::cli {

struct FailedFile {
  std::string File; ///< Absolute.
  std::string Reason;
};

/// What a run recognised in one file, one directory or the whole project
/// (docs/design.md §4.2).
struct Coverage {
  /// Calls of a spawn function.
  unsigned SpawnSites = 0;
  /// Calls that start a coroutine of an eager (or flipped) type.
  unsigned EagerStarts = 0;
  unsigned total() const { return SpawnSites + EagerStarts; }
};

struct Report {
  std::string SourceRoot;
  /// Every eager-* finding once, in (file, line, column, check) order, with
  /// positions, fingerprints and baseline marks filled in.
  std::vector<DiagRecord> Findings;
  std::vector<FailedFile> Failed;
  /// Configuration problems the engine reported (unknown profile, bad
  /// option value), once each.
  std::vector<std::string> ConfigErrors;
  unsigned Files = 0;
  unsigned Analysed = 0;
  /// Spawn sites and eager starts recognised in the analysed files and the
  /// headers under the source root, each once however many translation
  /// units include it.
  Coverage Recognised;
  /// The same per file, by absolute path: every analysed file (zero when
  /// nothing was recognised in it) and every header holding a site.
  std::map<std::string, Coverage> CoverageByFile;
  double Seconds = 0;
  unsigned Jobs = 1;
  bool UsedBaseline = false;

  unsigned newFindings() const;
  /// Files were analysed and not one spawn site or eager start was
  /// recognised: the run shows nothing about the flip.
  bool nothingRecognised() const {
    return Analysed > 0 && Recognised.total() == 0;
  }
  unsigned baselinedFindings() const;
  /// The path written in reports: relative to the source root when under it.
  std::string display(llvm::StringRef File) const {
    return relativeTo(File, SourceRoot);
  }
};

/// Builds the report of a run from the workers' outcomes: the project-wide
/// pass (conditional findings kept only if some translation unit spawns
/// their coroutine), one copy of a finding reported by several translation
/// units, failures with a one-line cause, positions and fingerprints.
Report buildReport(const std::vector<JobOutcome> &Outcomes,
                   SourceCache &Sources, llvm::StringRef SourceRoot);

/// A fingerprint that survives unrelated line shifts: a hash of the check,
/// the file (as reported), the flagged line's text without blanks and the
/// message. buildReport appends an occurrence index.
std::string fingerprintBase(llvm::StringRef Check, llvm::StringRef File,
                            llvm::StringRef LineText, llvm::StringRef Message);

} // namespace eagerlint::cli

#endif
