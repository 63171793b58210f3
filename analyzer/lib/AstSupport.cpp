//===- AstSupport.cpp - Names and small AST helpers -------------------------===//
#include "AnalyzerImpl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace eagerlint::analysis {

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

NameSet::NameSet(const std::vector<std::string> &Names) {
  if (Names.empty())
    return;
  Matcher.emplace(Names);
  for (const std::string &N : Names) {
    // "a::b::operator||" -> "operator||"; "a::b" -> "b".
    size_t Op = N.rfind("operator");
    size_t Sep = N.rfind("::", Op == std::string::npos ? std::string::npos : Op);
    LastComponents.insert(Sep == std::string::npos ? N : N.substr(Sep + 2));
  }
}

/// The declaration a template instantiation was made from, so that
/// `ns::handle::cancel` names `ns::handle<int>::cancel` too.
static const NamedDecl *pattern(const NamedDecl *D) {
  if (auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
      return P;
  } else if (auto *RD = dyn_cast<CXXRecordDecl>(D)) {
    if (const CXXRecordDecl *P = RD->getTemplateInstantiationPattern())
      return P;
  } else if (auto *VD = dyn_cast<VarDecl>(D)) {
    if (const VarDecl *P = VD->getTemplateInstantiationPattern())
      return P;
  }
  return D;
}

bool NameSet::matches(const NamedDecl *D) const {
  if (!Matcher || !D)
    return false;
  D = pattern(D);
  DeclarationName Name = D->getDeclName();
  if (Name.isIdentifier()) {
    // Unnamed declarations (a structured binding's variable) have none.
    const IdentifierInfo *II = Name.getAsIdentifierInfo();
    if (!II || !LastComponents.contains(II->getName()))
      return false;
  } else if (Name.getNameKind() == DeclarationName::CXXOperatorName) {
    if (!LastComponents.contains(Name.getAsString()))
      return false;
  } else {
    return false;
  }
  return Matcher->matchesNode(*D);
}

NamePatterns::NamePatterns(const std::vector<std::string> &Patterns) {
  for (llvm::StringRef P : Patterns) {
    P.consume_front("::");
    size_t Sep = P.rfind("::");
    auto W = llvm::GlobPattern::create(P);
    auto L = llvm::GlobPattern::create(
        Sep == llvm::StringRef::npos ? P : P.substr(Sep + 2));
    // Profile::configured validated the patterns.
    if (!W || !L) {
      llvm::consumeError(W.takeError());
      llvm::consumeError(L.takeError());
      continue;
    }
    Whole.push_back(std::move(*W));
    Last.push_back(std::move(*L));
  }
}

bool NamePatterns::matches(const NamedDecl *D) const {
  if (Whole.empty() || !D || !D->getIdentifier())
    return false;
  D = pattern(D);
  llvm::StringRef Name = D->getName();
  std::string Qualified;
  for (size_t I = 0; I < Whole.size(); ++I) {
    if (!Last[I].match(Name))
      continue;
    if (Qualified.empty())
      Qualified = D->getQualifiedNameAsString();
    if (Whole[I].match(Qualified))
      return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Small AST helpers
//===----------------------------------------------------------------------===//

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (auto *W = dyn_cast<ExprWithCleanups>(Next))
      Next = W->getSubExpr();
    else if (auto *F = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = F->getSubExpr();
    else if (auto *C = dyn_cast<CXXConstructExpr>(Next);
             C && C->getNumArgs() == 1 &&
             C->getConstructor()->isCopyOrMoveConstructor())
      Next = C->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const CoroutineBodyStmt *coroutineBody(const FunctionDecl *FD) {
  return FD ? dyn_cast_or_null<CoroutineBodyStmt>(FD->getBody()) : nullptr;
}

const FunctionDecl *coroutineDefinition(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def)
    Def = FD;
  return coroutineBody(Def) ? Def : nullptr;
}

bool createsCoroutine(const FunctionDecl *FD) {
  if (!FD)
    return false;
  if (coroutineDefinition(FD))
    return true;
  // A declaration only: coroutine types name a promise_type.
  const CXXRecordDecl *RD = FD->getReturnType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  return !RD->lookup(&FD->getASTContext().Idents.get("promise_type")).empty();
}

bool isLambdaCallOperator(const FunctionDecl *FD) {
  auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && MD->getParent()->isLambda();
}

const Expr *implicitObject(const CallExpr *Call) {
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    return MC->getImplicitObjectArgument();
  if (auto *OC = dyn_cast<CXXOperatorCallExpr>(Call))
    if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) &&
        OC->getNumArgs() > 0)
      return OC->getArg(0);
  return nullptr;
}

unsigned argumentOffset(const CallExpr *Call) {
  if (isa<CXXOperatorCallExpr>(Call) &&
      isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee()))
    return 1;
  return 0;
}

/// Whether \p RD is the standard library's optional: its `->` and `*` reach
/// storage inside the object, not a pointee elsewhere.
static bool isStdOptional(const CXXRecordDecl *RD) {
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "optional";
}

bool isStdAccessor(const CXXMethodDecl *MD) {
  if (!MD || !MD->getParent()->isInStdNamespace())
    return false;
  const CXXRecordDecl *RD = MD->getParent();
  if (MD->getOverloadedOperator() == OO_Subscript) {
    // A map's operator[] inserts what it does not find.
    llvm::StringRef Class = RD->getName();
    return !Class.contains("map");
  }
  if (MD->getOverloadedOperator() == OO_Arrow ||
      MD->getOverloadedOperator() == OO_Star)
    return true;
  if (!MD->getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(MD->getName())
      .Cases("at", "front", "back", "value", "get", "data", "begin", "end",
             true)
      .Cases("cbegin", "cend", "rbegin", "rend", "find", "count", "contains",
             true)
      .Cases("size", "empty", "lower_bound", "upper_bound", "equal_range",
             true)
      .Cases("top", "c_str", "has_value", "use_count", "lock", true)
      .Default(false);
}

void forEachStmt(const Stmt *S, llvm::function_ref<void(const Stmt *)> F) {
  if (!S)
    return;
  F(S);
  for (const Stmt *Child : S->children())
    forEachStmt(Child, F);
}

void forEachStmtOutsideLambdas(const Stmt *S,
                               llvm::function_ref<void(const Stmt *)> F) {
  if (!S || isa<LambdaExpr>(S))
    return;
  F(S);
  for (const Stmt *Child : S->children())
    forEachStmtOutsideLambdas(Child, F);
}

/// The path from \p S down to \p Target, \p S first.
static bool pathTo(const Stmt *S, const Stmt *Target,
                   llvm::SmallVectorImpl<const Stmt *> &Path) {
  if (!S)
    return false;
  Path.push_back(S);
  if (S == Target)
    return true;
  for (const Stmt *Child : S->children())
    if (pathTo(Child, Target, Path))
      return true;
  Path.pop_back();
  return false;
}

const Stmt *statementOf(const Stmt *Body, const Stmt *Target) {
  llvm::SmallVector<const Stmt *, 16> Path;
  if (auto *CB = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = CB->getBody();
  if (!pathTo(Body, Target, Path))
    return nullptr;
  for (unsigned N = Path.size() - 1; N > 0; --N)
    if (isa<CompoundStmt>(Path[N - 1]))
      return Path[N];
  return nullptr;
}

const Stmt *enclosingLoop(const Stmt *Body, const Stmt *Target) {
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!pathTo(Body, Target, Path))
    return nullptr;
  for (auto It = Path.rbegin(), E = Path.rend(); It != E; ++It) {
    if (isa<LambdaExpr>(*It))
      return nullptr;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(*It))
      return *It;
  }
  return nullptr;
}

std::optional<BaseRef> baseOf(const Expr *E) {
  bool Pointer = false;
  const FieldDecl *Member = nullptr;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_Deref)
        Pointer = true;
      else if (U->getOpcode() != UO_AddrOf)
        return std::nullopt;
      E = U->getSubExpr();
      continue;
    }
    if (auto *M = dyn_cast<MemberExpr>(E)) {
      if (auto *V = dyn_cast<VarDecl>(M->getMemberDecl()))
        return BaseRef{V, Entity::Variable, Pointer};
      const Expr *Base = M->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base)) {
        if (auto *F = dyn_cast<FieldDecl>(M->getMemberDecl()))
          return BaseRef{F, Entity::Field, Pointer};
        return std::nullopt;
      }
      Pointer |= M->isArrow();
      if (auto *F = dyn_cast<FieldDecl>(M->getMemberDecl()))
        Member = F;
      E = M->getBase();
      continue;
    }
    if (auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      Pointer |= A->getBase()->getType()->isPointerType();
      E = A->getBase();
      continue;
    }
    if (auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind K = Op->getOperator();
      if ((K == OO_Subscript || K == OO_Arrow || K == OO_Star) &&
          Op->getNumArgs() > 0) {
        // Smart pointers and iterators lead to a pointee; optional and
        // containers to storage of their own.
        const CXXRecordDecl *RD =
            Op->getArg(0)->getType().getNonReferenceType()->getAsCXXRecordDecl();
        if (K != OO_Subscript && !isStdOptional(RD))
          Pointer = true;
        E = Op->getArg(0);
        continue;
      }
      return std::nullopt;
    }
    // `v.front()`, `opt.value()`: the storage of the object itself.
    if (auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (isStdAccessor(MD) && MD->getReturnType()->isReferenceType() &&
          MC->getImplicitObjectArgument()) {
        E = MC->getImplicitObjectArgument();
        continue;
      }
      return std::nullopt;
    }
    if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
      const ValueDecl *D = DR->getDecl();
      // A structured binding names a part of its decomposed object.
      if (auto *BD = dyn_cast<BindingDecl>(D))
        if (ValueDecl *Whole = BD->getDecomposedDecl())
          D = Whole;
      if (auto *V = dyn_cast<VarDecl>(D))
        return BaseRef{V, Entity::Variable, Pointer, Member};
      return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace eagerlint::analysis
