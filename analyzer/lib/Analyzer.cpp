//===- Analyzer.cpp - The public interface of the analysis ------------------===//
#include "eagerlint/analysis/Analyzer.h"
#include "AnalyzerImpl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"

using namespace clang;

namespace eagerlint::analysis {

//===----------------------------------------------------------------------===//
// Public interface
//===----------------------------------------------------------------------===//

Analyzer::Analyzer(ASTContext &Ctx, Profile P, Options O)
    : I(std::make_unique<Impl>(Ctx, std::move(P), O)) {}
Analyzer::Analyzer(ASTContext &Ctx, Profile P)
    : Analyzer(Ctx, std::move(P), Options()) {}
Analyzer::~Analyzer() = default;

const Profile &Analyzer::profile() const { return I->Prof; }

StartPolicy Analyzer::startPolicy(const FunctionDecl *FD) const {
  return I->startPolicy(FD);
}

StartPolicy Analyzer::typeStartPolicy(QualType T) const {
  return I->typeStartPolicy(T);
}

SuspendKind Analyzer::classify(const Expr *E) const { return I->classify(E); }

std::vector<SuspensionPoint>
Analyzer::suspensionPoints(const FunctionDecl *FD) const {
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

const PrefixSummary &Analyzer::prefix(const FunctionDecl *FD) {
  return I->prefix(FD);
}

llvm::ArrayRef<SpawnSite> Analyzer::spawnSites() { return I->spawnSites(); }

std::vector<SpawnSite> Analyzer::spawnSitesIn(const FunctionDecl *FD) {
  return I->spawnSitesIn(FD);
}

bool Analyzer::mapIntoCaller(const FunctionDecl *Callee, const CallExpr *Call,
                             Access &A) const {
  return I->mapIntoCaller(Callee, Call, A);
}

std::vector<std::pair<Access, Access>>
Analyzer::conflicts(const SpawnSite &S) {
  return I->conflicts(S);
}

std::vector<Finding> Analyzer::findings(llvm::ArrayRef<CheckKind> Enabled) {
  return I->findings(Enabled);
}

std::string Analyzer::usr(const FunctionDecl *FD) {
  llvm::SmallString<128> Buf;
  if (!FD || index::generateUSRForDecl(FD->getCanonicalDecl(), Buf))
    return {};
  return std::string(Buf);
}

std::vector<std::string> Analyzer::spawnedCoroutineUSRs() {
  std::vector<std::string> USRs;
  for (const SpawnSite &S : spawnSites())
    if (S.SpawnedDecl)
      if (std::string U = usr(S.SpawnedDecl);
          !U.empty() && !llvm::is_contained(USRs, U))
        USRs.push_back(std::move(U));
  llvm::sort(USRs);
  return USRs;
}

} // namespace eagerlint::analysis
