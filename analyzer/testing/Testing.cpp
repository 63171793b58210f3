//===- Testing.cpp - The analysis piece by piece, for its own tests -------===//
#include "eagerlint/analysis/Testing.h"
#include "Diagnoser.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace eagerlint::analysis {

StartPolicy AnalyzerForTesting::startPolicy(const FunctionDecl *FD) const {
  return I->startPolicy(FD);
}

std::vector<SuspensionPoint>
AnalyzerForTesting::suspensionPoints(const FunctionDecl *FD) const {
  struct Collector : RecursiveASTVisitor<Collector> {
    const Impl &I;
    std::vector<SuspensionPoint> Points;
    explicit Collector(const Impl &I) : I(I) {}
    bool shouldVisitLambdaBody() const { return false; }
    bool VisitCoroutineSuspendExpr(CoroutineSuspendExpr *E) {
      Points.push_back({E, I.classify(E)});
      return true;
    }
    bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
      Points.push_back({E, SuspendKind::May});
      return true;
    }
  } C(*I);
  const FunctionDecl *Def = FD->getDefinition() ? FD->getDefinition() : FD;
  if (auto *CB = coroutineBody(Def))
    C.TraverseStmt(CB->getBody());
  return C.Points;
}

const PrefixSummary &AnalyzerForTesting::prefix(const FunctionDecl *FD) {
  return I->prefix(FD);
}

std::vector<SpawnSite>
AnalyzerForTesting::spawnSitesIn(const FunctionDecl *FD) {
  return I->spawnSitesIn(FD);
}

std::vector<std::pair<Access, Access>>
AnalyzerForTesting::conflicts(const SpawnSite &S) {
  Facts F(*I);
  return Diagnoser(F).conflicts(S);
}

} // namespace eagerlint::analysis
