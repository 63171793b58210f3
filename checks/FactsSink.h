//===- FactsSink.h - Project-wide facts of one translation unit -*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_FACTSSINK_H
#define EAGERLINT_CHECKS_FACTSSINK_H

#include "eagerlint/analysis/Model.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace eagerlint::tidy {

/// Receives what the eager-* checks' analysis of a translation unit learns
/// beyond its diagnostics: the input of the eagerlint CLI's project-wide pass
/// (docs/design.md). While a sink is registered the checks run in project
/// mode: they also report prefix hazards of coroutines this translation unit
/// does not spawn, and name each such conditional finding here.
class FactsSink {
public:
  virtual ~FactsSink();
  /// The call \p Call, outside system headers, spawns the coroutine with the
  /// USR \p USR (analysis::Analyzer::usr), whose body may be elsewhere;
  /// empty when the spawned coroutine is not resolved (a callable object).
  /// \p TypeLevel: the call itself starts an eager (or flipped) coroutine
  /// type rather than calling a spawn function. Every recognised spawn site
  /// is named, so the CLI can report coverage; the same one may be named more
  /// than once (one analysis per configuration).
  virtual void spawn(llvm::StringRef USR, clang::SourceLocation Call,
                     bool TypeLevel, const clang::SourceManager &SM) = 0;
  /// \p F is also reported as a diagnostic, at F.Loc, and holds only if some
  /// translation unit spawns F.RequiresSpawnOf.
  virtual void conditional(const analysis::Finding &F,
                           const clang::SourceManager &SM) = 0;
};

/// Registers \p Sink for the checks that \p Context creates from now until
/// this object is destroyed. Checks look their context's sink up once, when
/// they are created; the analysis only ever sees the sink it was given.
class FactsSinkRegistration {
public:
  FactsSinkRegistration(const clang::tidy::ClangTidyContext &Context,
                        FactsSink &Sink);
  ~FactsSinkRegistration();
  FactsSinkRegistration(const FactsSinkRegistration &) = delete;
  FactsSinkRegistration &operator=(const FactsSinkRegistration &) = delete;

private:
  const clang::tidy::ClangTidyContext &Context;
};

/// The sink registered for \p Context, or null (the plugin under clang-tidy).
FactsSink *registeredFactsSink(const clang::tidy::ClangTidyContext &Context);

} // namespace eagerlint::tidy

#endif
