//===- Changes.h - Lines changed since a git revision -----------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_CHANGES_H
#define EAGERLINT_TOOL_CHANGES_H

#include "Report.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace eagerlint::cli {

/// The lines of the work tree that are added or changed since a revision
/// (`--changed-since`, docs/design.md §5).
struct ChangedLines {
  std::string Revision; ///< As the user named it.
  /// Normalized path -> inclusive 1-based line ranges of the new text.
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Ranges;
  /// Normalized paths of files new to the work tree (untracked): every line.
  std::vector<std::string> WholeFiles;

  bool contains(llvm::StringRef File, unsigned Line) const;
};

/// Adds the new-side line ranges of a `git diff --unified=0` with a/ and b/
/// prefixes to \p Out; paths are relative to \p TopDir.
void parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef TopDir,
                      ChangedLines &Out);

/// Asks git, from \p WorkingDir, which lines of the work tree differ from
/// \p Revision (renames followed, untracked files wholly new). An error is
/// one line: not a git work tree, an unknown revision, git missing.
llvm::Expected<ChangedLines> readChangedLines(llvm::StringRef Revision,
                                              llvm::StringRef WorkingDir);

/// Keeps the findings of \p R any of whose locations (the warning or one of
/// its notes) lies on a changed line; returns how many were dropped.
unsigned keepChangedFindings(Report &R, const ChangedLines &Changes);

} // namespace eagerlint::cli

#endif
