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
    FullNames.insert(llvm::StringRef(N).ltrim(':'));
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
  if (Matcher->matchesNode(*D))
    return true;
  // hasName never matches a member of a class template's partial
  // specialization (Asio's `promise<void(Ts...), Executor>::cancel`).
  if (!isa<ClassTemplatePartialSpecializationDecl>(D->getDeclContext()))
    return false;
  std::string Qualified = D->getNameAsString();
  for (const DeclContext *C = D->getDeclContext(); !isa<TranslationUnitDecl>(C);
       C = C->getParent()) {
    if (auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (NS->isAnonymousNamespace() || NS->isInline())
        continue;
      Qualified = NS->getName().str() + "::" + Qualified;
    } else if (auto *RD = dyn_cast<RecordDecl>(C); RD && RD->getIdentifier()) {
      Qualified = RD->getName().str() + "::" + Qualified;
    } else {
      return false;
    }
  }
  return FullNames.contains(Qualified);
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

/// The condition of a loop, if it has a plain one.
static const Expr *loopCondition(const Stmt *Loop) {
  if (auto *W = dyn_cast<WhileStmt>(Loop))
    return W->getConditionVariable() ? nullptr : W->getCond();
  if (auto *F = dyn_cast<ForStmt>(Loop))
    return F->getConditionVariable() ? nullptr : F->getCond();
  if (auto *D = dyn_cast<DoStmt>(Loop))
    return D->getCond();
  return nullptr;
}

static bool sameExpr(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  llvm::FoldingSetNodeID IA, IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

static bool suspends(const Stmt *S) {
  bool Found = false;
  forEachStmtOutsideLambdas(S, [&](const Stmt *E) {
    Found = Found || isa<CoroutineSuspendExpr>(E);
  });
  return Found;
}

/// `if (!Cond) return;` (or co_return, break, throw): past it, Cond holds.
static bool guards(const Stmt *S, const Expr *Cond, const ASTContext &Ctx) {
  auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || If->getConditionVariable() || If->getInit())
    return false;
  auto *Not = dyn_cast<UnaryOperator>(If->getCond()->IgnoreParenImpCasts());
  if (!Not || Not->getOpcode() != UO_LNot ||
      !sameExpr(Not->getSubExpr(), Cond, Ctx))
    return false;
  const Stmt *Then = If->getThen();
  if (auto *C = dyn_cast<CompoundStmt>(Then); C && C->size() > 0)
    Then = C->body_back();
  if (auto *E = dyn_cast<Expr>(Then))
    Then = E->IgnoreParenImpCasts();
  return isa<ReturnStmt, CoreturnStmt, BreakStmt, CXXThrowExpr>(Then);
}

std::pair<const Stmt *, const Expr *>
loopConditionHeldAt(const Stmt *Body, const Stmt *Target,
                    const ASTContext &Ctx) {
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!pathTo(Body, Target, Path))
    return {};
  // The innermost loop on the path, not crossing a lambda.
  unsigned LoopAt = Path.size();
  for (unsigned I = Path.size(); I-- > 0;) {
    if (isa<LambdaExpr>(Path[I]))
      return {};
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Path[I])) {
      LoopAt = I;
      break;
    }
  }
  if (LoopAt == Path.size())
    return {};
  const Expr *Cond = loopCondition(Path[LoopAt]);
  if (!Cond || LoopAt + 1 >= Path.size() || Path[LoopAt + 1] == Cond)
    return {};
  // Back from the target to the loop's entry: a guard on the condition, or
  // an `if (Cond)` holding the target, settles it; a suspension before the
  // target lets anything change it. The target's own statement must not
  // suspend before it either.
  if (suspends(statementOf(Body, Target)))
    return {};
  for (unsigned I = Path.size() - 1; I > LoopAt + 1; --I) {
    const Stmt *Parent = Path[I - 1], *Child = Path[I];
    if (auto *If = dyn_cast<IfStmt>(Parent); If && If->getThen() == Child &&
                                             !If->getConditionVariable() &&
                                             sameExpr(If->getCond(), Cond, Ctx))
      return {Path[LoopAt], Cond};
    auto *C = dyn_cast<CompoundStmt>(Parent);
    if (!C)
      continue;
    for (auto It = llvm::find(C->body(), Child); It != C->body_begin();) {
      --It;
      if (guards(*It, Cond, Ctx))
        return {Path[LoopAt], Cond};
      if (suspends(*It))
        return {};
    }
  }
  // Nothing suspends between the test of the condition and the target.
  if (isa<DoStmt>(Path[LoopAt]))
    return {};
  return {Path[LoopAt], Cond};
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
