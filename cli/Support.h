//===- Support.h - Paths, atomic files, source text -------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_SUPPORT_H
#define EAGERLINT_TOOL_SUPPORT_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <functional>
#include <memory>
#include <string>

namespace eagerlint::cli {

/// \p Path made absolute against \p Base (the current directory when empty),
/// with symlinks resolved when the file exists, `.` and `..` removed
/// otherwise. Two spellings of one file give one string.
std::string normalizePath(llvm::StringRef Path, llvm::StringRef Base = "");

/// \p Path relative to \p Root with '/' separators, or \p Path itself when
/// it is not under \p Root.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

/// Whether \p Path lies under the directory \p Root.
bool isUnder(llvm::StringRef Path, llvm::StringRef Root);

/// Writes a file through a temporary file in the same directory and a
/// rename, so readers see the old file or the whole new one and an error
/// leaves nothing behind. \p Write fills the stream.
llvm::Error
writeFileAtomically(llvm::StringRef Path,
                    const std::function<void(llvm::raw_ostream &)> &Write);

/// File contents read once, with offsets turned into lines and columns.
class SourceCache {
public:
  /// The buffer of \p Path, or null if it cannot be read.
  const llvm::MemoryBuffer *get(llvm::StringRef Path);
  /// 1-based line and byte column of \p Offset; {0, 0} if unknown.
  std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Path,
                                           unsigned Offset);
  /// 1-based column of \p Offset counted in UTF-8 code points.
  unsigned codePointColumn(llvm::StringRef Path, unsigned Offset);
  /// The text of the line holding \p Offset, without its line break.
  llvm::StringRef lineText(llvm::StringRef Path, unsigned Offset);

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

} // namespace eagerlint::cli

#endif
