//===- Output.h - Text, JSON and SARIF reports, the summary -----*- C++ -*-===//
#ifndef EAGERLINT_TOOL_OUTPUT_H
#define EAGERLINT_TOOL_OUTPUT_H

#include "Report.h"
#include "llvm/Support/raw_ostream.h"

namespace eagerlint::cli {

/// Findings not in the baseline, as clang prints diagnostics: paths relative
/// to \p WorkingDir when under it, the source line and a caret.
void writeText(llvm::raw_ostream &OS, const Report &R, SourceCache &Sources,
               llvm::StringRef WorkingDir);

/// Every finding (with its baseline mark), failures and the summary.
void writeJSON(llvm::raw_ostream &OS, const Report &R, int ExitCode);

/// SARIF 2.1.0 as GitHub code scanning reads it: findings not in the
/// baseline, paths relative to %SRCROOT%, deterministic order.
void writeSARIF(llvm::raw_ostream &OS, const Report &R, int ExitCode);

/// The closing summary: counts per check and per directory, files, time and
/// the verdict line.
void writeSummary(llvm::raw_ostream &OS, const Report &R);

/// "ready to flip", "N findings block the flip", NothingRecognised, ...
std::string verdict(const Report &R);

/// The verdict of a run that analysed files and recognised no spawn site
/// and no eager start (docs/design.md §4.2): never "ready to flip".
extern const llvm::StringLiteral NothingRecognised;

} // namespace eagerlint::cli

#endif
