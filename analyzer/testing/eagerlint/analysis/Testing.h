//===- Testing.h - The analysis piece by piece, for its tests ---*- C++ -*-===//
//
// Not part of the interface checks and the CLI use (Analyzer.h): only the
// analysis's unit tests and benchmarks see this directory.
//
//===----------------------------------------------------------------------===//
#ifndef EAGERLINT_ANALYSIS_TESTING_H
#define EAGERLINT_ANALYSIS_TESTING_H

#include "eagerlint/analysis/Analyzer.h"
#include <utility>

namespace eagerlint::analysis {

/// An Analyzer that also answers for the pieces its findings are built from.
class AnalyzerForTesting : public Analyzer {
public:
  using Analyzer::Analyzer;

  /// Start policy of the coroutine \p FD from its implicit initial suspend;
  /// Unknown for a function that is not a coroutine.
  StartPolicy startPolicy(const clang::FunctionDecl *FD) const;

  /// Every co_await / co_yield of \p FD's body, implicit ones excluded.
  std::vector<SuspensionPoint>
  suspensionPoints(const clang::FunctionDecl *FD) const;

  /// What \p FD may do before its first suspension point (memoized).
  const PrefixSummary &prefix(const clang::FunctionDecl *FD);

  /// Spawn sites in \p FD only.
  std::vector<SpawnSite> spawnSitesIn(const clang::FunctionDecl *FD);

  /// Conflicting pairs (window access, prefix access) of a spawn site.
  std::vector<std::pair<Access, Access>> conflicts(const SpawnSite &S);
};

} // namespace eagerlint::analysis

#endif
