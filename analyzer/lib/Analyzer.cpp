//===- Analyzer.cpp - The public interface of the analysis ------------------===//
#include "eagerlint/analysis/Analyzer.h"
#include "Diagnoser.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"

using namespace clang;

namespace eagerlint::analysis {

Analyzer::Analyzer(ASTContext &Ctx, Profile P, Options O)
    : I(std::make_unique<Impl>(Ctx, std::move(P), O)) {}
Analyzer::Analyzer(ASTContext &Ctx, Profile P)
    : Analyzer(Ctx, std::move(P), Options()) {}
Analyzer::~Analyzer() = default;

StartPolicy Analyzer::startPolicy(const FunctionDecl *FD) const {
  return I->startPolicy(FD);
}

StartPolicy Analyzer::typeStartPolicy(QualType T) const {
  return I->typeStartPolicy(T);
}

llvm::ArrayRef<SpawnSite> Analyzer::spawnSites() { return I->spawnSites(); }

std::vector<Finding> Analyzer::findings(llvm::ArrayRef<CheckKind> Enabled) {
  Facts F(*I);
  return Diagnoser(F).findings(Enabled);
}

std::string Analyzer::usr(const FunctionDecl *FD) {
  llvm::SmallString<128> Buf;
  if (!FD || index::generateUSRForDecl(FD->getCanonicalDecl(), Buf))
    return {};
  return std::string(Buf);
}

} // namespace eagerlint::analysis
