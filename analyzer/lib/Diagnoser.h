//===- Diagnoser.h - Findings from the facts of the analysis ----*- C++ -*-===//
#ifndef EAGERLINT_ANALYSIS_DIAGNOSER_H
#define EAGERLINT_ANALYSIS_DIAGNOSER_H

#include "AnalyzerImpl.h"

namespace eagerlint::analysis {

/// The facts of one translation unit as the diagnoser reads them: spawn
/// sites with their windows, prefixes, and how a callee's accesses map into
/// its caller. Read-only; a fact nobody asked for yet is computed and
/// memoized by the analysis on first use, which is why the view holds it.
class Facts {
public:
  explicit Facts(Analyzer::Impl &I)
      : Ctx(I.context()), Prof(I.profile()), Opts(I.options()), I(I) {}

  const clang::ASTContext &Ctx;
  const Profile &Prof;
  const Analyzer::Options &Opts;

  llvm::ArrayRef<const clang::FunctionDecl *> functions() const {
    return I.functions();
  }
  llvm::ArrayRef<SpawnSite> spawnSites() const { return I.spawnSites(); }
  const PrefixSummary &prefix(const clang::FunctionDecl *FD) const {
    return I.prefix(FD);
  }
  bool mapIntoCaller(const clang::FunctionDecl *Callee,
                     const clang::CallExpr *Call, Access &A) const {
    return I.mapIntoCaller(Callee, Call, A);
  }
  bool usesHandle(const SpawnSite &S, const CallOfInterest &C) const {
    return I.usesHandle(S, C);
  }
  bool flippedType(clang::QualType T) const { return I.flippedType(T); }

private:
  Analyzer::Impl &I;
};

/// Turns the facts into findings with notes and fix-its (Findings.cpp).
class Diagnoser {
public:
  explicit Diagnoser(const Facts &I) : I(I) {}

  /// The findings of the enabled checks, in source order, with at most one
  /// fix-it per insertion point.
  std::vector<Finding> findings(llvm::ArrayRef<CheckKind> Enabled) const;
  /// Conflicting pairs (window access, prefix access) of a spawn site.
  std::vector<std::pair<Access, Access>> conflicts(const SpawnSite &S) const;
  /// The spawned coroutine's prefix accesses in the spawner's terms.
  std::vector<Access> prefixInSpawnerTerms(const SpawnSite &S) const;

private:
  const Facts &I;
};

} // namespace eagerlint::analysis

#endif
