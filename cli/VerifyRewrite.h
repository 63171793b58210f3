//===- VerifyRewrite.h - Start every recognised spawn lazily ----*- C++ -*-===//
#ifndef EAGERLINT_CLI_VERIFYREWRITE_H
#define EAGERLINT_CLI_VERIFYREWRITE_H

#include "eagerlint/analysis/Profile.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace eagerlint::cli {

/// A spawn site of the program that was recognised but left as it is.
struct UnwrappedSpawn {
  /// Empty for the program's own file.
  std::string File;
  unsigned Line = 0;
  std::string Reason;
};

/// The program with every recognised spawn started lazily (docs/design.md §6).
struct LazyRewrite {
  /// The whole rewritten source, to be compiled in place of the program.
  std::string Text;
  /// Distinct spawn sites recognised in the program's own file.
  unsigned Recognised = 0;
  /// How many of them were wrapped.
  unsigned Wrapped = 0;
  std::vector<UnwrappedSpawn> Unwrapped;
};

/// Parses \p Source with \p Flags (compiler flags, without the compiler, the
/// input or -o), finds its spawn sites with the analysis of \p P and wraps
/// each spawned coroutine (or callable returning one) so that its first step
/// is \p P's yield statement when, and only when, the spawn call started it
/// inline: exactly what a runtime that queues new tasks would have done.
///
/// The text starts with `#line 1 "PresumedName"` and keeps every line of the
/// program on its own number, so `__FILE__`, `__LINE__` and diagnostics read
/// as for the original. The profile must have a yield statement.
llvm::Expected<LazyRewrite> rewriteSpawnsLazy(llvm::StringRef Source,
                                              llvm::StringRef PresumedName,
                                              llvm::ArrayRef<std::string> Flags,
                                              const analysis::Profile &P);

} // namespace eagerlint::cli

#endif
