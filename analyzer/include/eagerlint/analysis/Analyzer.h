//===- Analyzer.h - Prefixes, spawn windows and findings --------*- C++ -*-===//
#ifndef EAGERLINT_ANALYSIS_ANALYZER_H
#define EAGERLINT_ANALYSIS_ANALYZER_H

#include "eagerlint/analysis/Model.h"
#include "eagerlint/analysis/Profile.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"
#include <memory>
#include <string>
#include <vector>

namespace eagerlint::analysis {

/// The analysis of one translation unit: its spawn sites and the findings of
/// the enabled checks. What they are built from (prefixes, windows, accesses)
/// is computed on demand and memoized per function. Depends on Clang's AST
/// and CFG only.
class Analyzer {
public:
  struct Options {
    /// Also report prefix hazards (timeout, ambient task) of coroutines that
    /// are not spawned in this translation unit; such findings carry
    /// Finding::RequiresSpawnOf so a project-wide pass can keep or drop them.
    bool ProjectMode = false;
    /// How deep inline-awaited coroutines are followed.
    unsigned MaxInlineDepth = 16;
  };

  Analyzer(clang::ASTContext &Ctx, Profile P, Options O);
  Analyzer(clang::ASTContext &Ctx, Profile P);
  ~Analyzer();
  Analyzer(const Analyzer &) = delete;
  Analyzer &operator=(const Analyzer &) = delete;

  /// Start policy of the coroutine \p FD from its implicit initial suspend;
  /// Unknown for a function that is not a coroutine.
  StartPolicy startPolicy(const clang::FunctionDecl *FD) const;

  /// Start policy of the coroutines returning \p T, from the
  /// `initial_suspend` of its member `promise_type`; Unknown when that is not
  /// visible (a promise chosen by a `std::coroutine_traits` specialization).
  StartPolicy typeStartPolicy(clang::QualType T) const;

  /// Spawn sites in the function bodies of the translation unit outside
  /// system headers, with windows (computed once).
  llvm::ArrayRef<SpawnSite> spawnSites();

  /// The findings of the enabled checks, in source order, with at most one
  /// fix-it per insertion point.
  std::vector<Finding> findings(llvm::ArrayRef<CheckKind> Enabled);

  /// A stable identifier of \p FD across translation units.
  static std::string usr(const clang::FunctionDecl *FD);

  class Impl;

private:
  /// The analysis's own tests look at the pieces findings are built from
  /// (eagerlint/analysis/Testing.h).
  friend class AnalyzerForTesting;
  std::unique_ptr<Impl> I;
};

} // namespace eagerlint::analysis

#endif
