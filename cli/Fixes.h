//===- Fixes.h - Apply or export the fix-its of a run -----------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_FIXES_H
#define EAGERLINT_TOOL_FIXES_H

#include "Report.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace eagerlint::cli {

struct FixStats {
  unsigned Applied = 0;    ///< Distinct replacements written.
  unsigned Duplicates = 0; ///< Replacements another finding already made.
  unsigned Conflicts = 0;  ///< Replacements dropped: they overlap another.
  unsigned FilesChanged = 0;
  std::vector<std::string> Errors; ///< One line per file that failed.
};

/// Applies the fix-it of every finding not in the baseline, each distinct
/// replacement once: a header included by several translation units gets
/// one insertion. Files are rewritten atomically.
FixStats applyFixes(const Report &R);

/// Writes the fix-its of the findings not in the baseline as
/// clang-apply-replacements YAML (TranslationUnitDiagnostics), each
/// distinct replacement once.
llvm::Error exportFixes(llvm::StringRef Path, const Report &R);

} // namespace eagerlint::cli

#endif
