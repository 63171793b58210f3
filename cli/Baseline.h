//===- Baseline.h - Known findings a CI gate tolerates ----------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_BASELINE_H
#define EAGERLINT_TOOL_BASELINE_H

#include "Report.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace eagerlint::cli {

struct BaselineEntry {
  std::string Check;
  std::string File; ///< Relative to the source root.
  std::string Fingerprint;
  /// The baseline format's version: 1 hashed the reason for a missing
  /// fix-it with the message (see DiagRecord::LegacyFingerprint), 2 does
  /// not.
  int Version = 2;
};

/// Reads a baseline written by writeBaseline, in this version's format or
/// the previous one; an error names the file and what is wrong with it.
llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef Path);

/// Marks the findings of \p R that the baseline holds (each entry matches
/// one finding).
void applyBaseline(Report &R, const std::vector<BaselineEntry> &Entries);

/// Writes every finding of \p R (baselined or not) as the new baseline.
llvm::Error writeBaseline(llvm::StringRef Path, const Report &R);

} // namespace eagerlint::cli

#endif
