//===- Analyzer.cpp - Prefixes, spawn windows and accesses ----------------===//
#include "eagerlint/analysis/Analyzer.h"
#include "AnalyzerImpl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"

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

static const CoroutineBodyStmt *coroutineBody(const FunctionDecl *FD) {
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
        E = Op->getArg(0);
        continue;
      }
      return std::nullopt;
    }
    if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
      if (auto *V = dyn_cast<VarDecl>(DR->getDecl()))
        return BaseRef{V, Entity::Variable, Pointer, Member};
      return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Impl: names, suspension points, policies
//===----------------------------------------------------------------------===//

Analyzer::Impl::Impl(ASTContext &Ctx, Profile P, Options O)
    : Ctx(Ctx), Prof(std::move(P)), Opts(O), Spawn(Prof.SpawnFunctions),
      Cancel(Prof.CancelFunctions), StateQuery(Prof.StateQueryFunctions),
      Timeout(Prof.TimeoutFunctions), Ambient(Prof.AmbientTaskFunctions),
      NeverSuspend(Prof.NeverSuspendingAwaitables),
      Binders(Prof.HandleBinders), LazyStart(Prof.LazyStartArguments) {}

bool Analyzer::Impl::explicitlyLazy(const CallExpr *Call) const {
  for (const Expr *Arg : Call->arguments())
    if (auto *DR = dyn_cast<DeclRefExpr>(stripWrappers(Arg)))
      if (LazyStart.matches(DR->getDecl()))
        return true;
  return false;
}

/// The constant result of an awaiter's `await_ready()`, if its body is a
/// single `return <constant>;`.
static std::optional<bool> constantAwaitReady(const Expr *Ready,
                                              const ASTContext &Ctx) {
  const Expr *E = Ready ? Ready->IgnoreParenImpCasts() : nullptr;
  if (auto *W = dyn_cast_or_null<ExprWithCleanups>(E))
    E = W->getSubExpr()->IgnoreParenImpCasts();
  auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD)
    return std::nullopt;
  const FunctionDecl *Def = FD->getDefinition();
  auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Body->size() != 1)
    return std::nullopt;
  auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue() || Ret->getRetValue()->isValueDependent())
    return std::nullopt;
  bool Value = false;
  if (!Ret->getRetValue()->EvaluateAsBooleanCondition(Value, Ctx))
    return std::nullopt;
  return Value;
}

static const CXXRecordDecl *recordOf(const Expr *E) {
  if (!E)
    return nullptr;
  QualType T = E->getType();
  if (T.isNull())
    return nullptr;
  return T.getNonReferenceType()->getAsCXXRecordDecl();
}

SuspendKind Analyzer::Impl::classify(const Expr *E) const {
  auto *SE = dyn_cast_or_null<CoroutineSuspendExpr>(E);
  if (!SE)
    return SuspendKind::May; // dependent or unknown
  if (NeverSuspend.matches(recordOf(SE->getOperand())) ||
      NeverSuspend.matches(recordOf(SE->getCommonExpr())))
    return SuspendKind::Never;
  if (auto Ready = constantAwaitReady(SE->getReadyExpr(), Ctx); Ready && *Ready)
    return SuspendKind::Never;
  return SuspendKind::May;
}

StartPolicy Analyzer::Impl::startPolicy(const FunctionDecl *FD) const {
  const CoroutineBodyStmt *Body = coroutineBody(coroutineDefinition(FD));
  if (!Body)
    return StartPolicy::Unknown;
  const Expr *Init = dyn_cast_or_null<Expr>(Body->getInitSuspendStmt());
  if (Init)
    Init = stripWrappers(Init);
  auto *SE = dyn_cast_or_null<CoroutineSuspendExpr>(Init);
  if (!SE)
    return StartPolicy::Unknown;
  if (NeverSuspend.matches(recordOf(SE->getOperand())))
    return StartPolicy::Eager;
  auto Ready = constantAwaitReady(SE->getReadyExpr(), Ctx);
  if (!Ready)
    return StartPolicy::Unknown;
  return *Ready ? StartPolicy::Eager : StartPolicy::Lazy;
}

//===----------------------------------------------------------------------===//
// Per-function CFGs
//===----------------------------------------------------------------------===//

static void addSubtree(const Stmt *S, llvm::DenseSet<const Stmt *> &Into) {
  if (!S || !Into.insert(S).second)
    return;
  for (const Stmt *Child : S->children())
    addSubtree(Child, Into);
}

static void removeSubtree(const Stmt *S, llvm::DenseSet<const Stmt *> &From) {
  if (!S)
    return;
  From.erase(S);
  for (const Stmt *Child : S->children())
    removeSubtree(Child, From);
}

namespace {
/// Collects the machinery of every co_await / co_yield (await_ready,
/// await_suspend, await_resume, await_transform calls): CFG elements that
/// are not user code.
class InternalCollector : public RecursiveASTVisitor<InternalCollector> {
public:
  llvm::DenseSet<const Stmt *> &Internal;
  explicit InternalCollector(llvm::DenseSet<const Stmt *> &I) : Internal(I) {}
  bool shouldVisitLambdaBody() const { return false; }
  bool VisitCoroutineSuspendExpr(CoroutineSuspendExpr *E) {
    llvm::DenseSet<const Stmt *> Parts;
    addSubtree(E->getCommonExpr(), Parts);
    addSubtree(E->getReadyExpr(), Parts);
    addSubtree(E->getSuspendExpr(), Parts);
    addSubtree(E->getResumeExpr(), Parts);
    removeSubtree(E->getOperand(), Parts);
    Internal.insert(Parts.begin(), Parts.end());
    return true;
  }
};
} // namespace

FunctionInfo *Analyzer::Impl::info(const FunctionDecl *FD) {
  auto &Slot = Infos[FD];
  if (Slot)
    return Slot->Cfg ? Slot.get() : nullptr;
  Slot = std::make_unique<FunctionInfo>();
  Stmt *Body = FD->getBody();
  if (!Body)
    return nullptr;
  if (auto *CB = dyn_cast<CoroutineBodyStmt>(Body)) {
    Slot->IsCoroutine = true;
    Body = CB->getBody();
  }
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd();
  BO.AddImplicitDtors = false;
  BO.AddTemporaryDtors = false;
  BO.AddInitializers = false;
  BO.AddLifetime = false;
  BO.AddScopes = false;
  BO.AddCXXNewAllocator = false;
  Slot->Cfg = CFG::buildCFG(FD, Body, &Ctx, BO);
  if (!Slot->Cfg)
    return nullptr;
  InternalCollector(Slot->Internal).TraverseStmt(Body);
  return Slot.get();
}

//===----------------------------------------------------------------------===//
// Walking from a point to the next suspension
//===----------------------------------------------------------------------===//

bool Analyzer::Impl::walk(
    const FunctionInfo &FI, const CFGBlock *Start, unsigned Index,
    llvm::function_ref<bool(const Stmt *)> OnElement) {
  bool ReachedExit = false;
  const CFGBlock *Exit = &FI.Cfg->getExit();
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
  llvm::DenseSet<const CFGBlock *> Seen;
  Work.push_back({Start, Index});
  if (Index == 0)
    Seen.insert(Start);
  while (!Work.empty()) {
    auto [B, I] = Work.pop_back_val();
    if (B == Exit) {
      ReachedExit = true;
      continue;
    }
    bool Stopped = false;
    for (unsigned N = B->size(); I < N; ++I) {
      auto CS = (*B)[I].getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      // Structured bindings leave elements without a statement.
      if (!S || FI.Internal.contains(S))
        continue;
      if (!OnElement(S)) {
        Stopped = true;
        break;
      }
    }
    if (Stopped)
      continue;
    // Successors are visited in reverse so the worklist explores the first
    // one first, which keeps element order close to source order.
    for (auto It = B->succ_rbegin(), E = B->succ_rend(); It != E; ++It) {
      const CFGBlock *Succ = It->getReachableBlock();
      if (!Succ)
        continue;
      if (Succ == Exit) {
        ReachedExit = true;
        continue;
      }
      if (Seen.insert(Succ).second)
        Work.push_back({Succ, 0});
    }
  }
  return ReachedExit;
}

std::optional<InlineCall>
Analyzer::Impl::inlineAwaited(const CoroutineSuspendExpr *SE) {
  if (!isa<CoawaitExpr>(SE))
    return std::nullopt;
  auto *Call = dyn_cast_or_null<CallExpr>(stripWrappers(SE->getOperand()));
  if (!Call)
    return std::nullopt;
  const FunctionDecl *Def = coroutineDefinition(Call->getDirectCallee());
  if (!Def || startPolicy(Def) == StartPolicy::Eager)
    return std::nullopt;
  return InlineCall{Def, Call};
}

void Analyzer::Impl::fold(PrefixSummary &Into, const PrefixSummary &Callee,
                          const CallExpr *Call) {
  for (Access A : Callee.Accesses)
    if (mapIntoCaller(Callee.Function, Call, A))
      addAccess(Into.Accesses, A);
  llvm::append_range(Into.Calls, Callee.Calls);
  Into.Truncated |= Callee.Truncated;
}

void Analyzer::Impl::addAccess(std::vector<Access> &Into, const Access &A) {
  for (const Access &Old : Into)
    if (Old.Target == A.Target && Old.Kind == A.Kind)
      return;
  Into.push_back(A);
}

/// Handles one element of a prefix or window walk; returns false where the
/// path suspends. Shared by prefixes and windows so both follow inline
/// awaits the same way.
bool Analyzer::Impl::step(const Stmt *S, PrefixSummary &Out,
                          std::vector<const Stmt *> &Elements) {
  if (auto *DE = dyn_cast<DependentCoawaitExpr>(S)) {
    Out.FirstSuspensions.push_back({DE, SuspendKind::May});
    return false;
  }
  if (auto *SE = dyn_cast<CoroutineSuspendExpr>(S)) {
    if (auto Inline = inlineAwaited(SE)) {
      const PrefixSummary &Callee = prefix(Inline->Callee);
      fold(Out, Callee, Inline->Call);
      if (!Callee.MayFinishWithoutSuspending) {
        // Where the helper suspends, unless that is in a library: then the
        // user's own co_await is the point to show.
        const SourceManager &SM = Ctx.getSourceManager();
        bool InUserCode = llvm::all_of(
            Callee.FirstSuspensions, [&](const SuspensionPoint &P) {
              return !SM.isInSystemHeader(SM.getExpansionLoc(P.Expr->getBeginLoc()));
            });
        if (Callee.FirstSuspensions.empty() || !InUserCode)
          Out.FirstSuspensions.push_back({SE, SuspendKind::May});
        else
          llvm::append_range(Out.FirstSuspensions, Callee.FirstSuspensions);
        return false;
      }
      return true;
    }
    if (classify(SE) == SuspendKind::Never)
      return true;
    Out.FirstSuspensions.push_back({SE, SuspendKind::May});
    return false;
  }
  Elements.push_back(S);
  collectAccesses(S, Out.Accesses);
  collectCalls(S, Out.Calls);
  // Calling an eager coroutine runs its prefix right here.
  if (auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Def = coroutineDefinition(Call->getDirectCallee());
        Def && startPolicy(Def) == StartPolicy::Eager)
      fold(Out, prefix(Def), Call);
  return true;
}

const PrefixSummary &Analyzer::Impl::prefix(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD->getDefinition() ? FD->getDefinition() : FD;
  if (auto It = Prefixes.find(Def); It != Prefixes.end())
    return *It->second;
  static const PrefixSummary Unknown = [] {
    PrefixSummary S;
    S.Truncated = true;
    return S;
  }();
  // A function being summarised (recursion): assume it suspends at once, and
  // remember how far up the stack the cycle reaches.
  if (auto It = llvm::find(Stack, Def); It != Stack.end()) {
    LowestCycleEntry = std::min<unsigned>(LowestCycleEntry, It - Stack.begin());
    return Unknown;
  }
  if (Stack.size() >= Opts.MaxInlineDepth)
    return Unknown;
  unsigned Depth = Stack.size();
  unsigned OuterLowest = LowestCycleEntry;
  LowestCycleEntry = ~0u;
  Stack.push_back(Def);
  auto Summary = std::make_unique<PrefixSummary>();
  Summary->Function = Def;
  if (FunctionInfo *FI = info(Def)) {
    Summary->IsCoroutine = FI->IsCoroutine;
    Summary->Policy = startPolicy(Def);
    PrefixSummary &Out = *Summary;
    Out.MayFinishWithoutSuspending =
        walk(*FI, &FI->Cfg->getEntry(), 0,
             [&](const Stmt *S) { return step(S, Out, Out.Elements); });
  }
  Stack.pop_back();
  // A summary that assumed something about a caller still on the stack is
  // partial: keep it out of the memo so a later query recomputes it.
  bool Partial = LowestCycleEntry < Depth;
  LowestCycleEntry = std::min(OuterLowest, LowestCycleEntry);
  if (Partial) {
    Summary->Truncated = true;
    Transient.push_back(std::move(Summary));
    return *Transient.back();
  }
  return *(Prefixes[Def] = std::move(Summary));
}

//===----------------------------------------------------------------------===//
// Accesses and calls of interest (one CFG element at a time)
//===----------------------------------------------------------------------===//

void Analyzer::Impl::addAccessOf(const Expr *E, AccessKind K, const Expr *Where,
                                 std::vector<Access> &Out) {
  if (auto B = baseOf(E)) {
    Access A;
    A.Target = {B->Kind, B->Decl, B->Member};
    A.Kind = K;
    A.Where = Where;
    A.ThroughPointer = B->ThroughPointer;
    addAccess(Out, A);
  }
}

void Analyzer::Impl::argumentAccesses(const FunctionDecl *FD,
                                      llvm::ArrayRef<const Expr *> Args,
                                      const Expr *Where,
                                      std::vector<Access> &Out) {
  if (!FD)
    return;
  for (unsigned I = 0, N = std::min<unsigned>(FD->getNumParams(), Args.size());
       I < N; ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    const Expr *Arg = Args[I];
    if (T->isReferenceType()) {
      // A temporary (`&x`, `f()`) bound to a reference is nobody's state.
      if (!Arg->IgnoreImplicit()->isGLValue())
        continue;
      addAccessOf(Arg,
                  T->getPointeeType().isConstQualified() ? AccessKind::Read
                                                         : AccessKind::Write,
                  Where, Out);
    } else if (T->isPointerType()) {
      auto *U = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
      if (U && U->getOpcode() == UO_AddrOf)
        addAccessOf(U->getSubExpr(),
                    T->getPointeeType().isConstQualified() ? AccessKind::Read
                                                           : AccessKind::Write,
                    Where, Out);
    }
  }
}

void Analyzer::Impl::collectAccesses(const Stmt *S, std::vector<Access> &Out) {
  if (auto *C = dyn_cast<ImplicitCastExpr>(S)) {
    if (C->getCastKind() == CK_LValueToRValue)
      addAccessOf(C->getSubExpr(), AccessKind::Read, C, Out);
    return;
  }
  if (auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isAssignmentOp()) {
      if (B->isCompoundAssignmentOp())
        addAccessOf(B->getLHS(), AccessKind::Read, B, Out);
      addAccessOf(B->getLHS(), AccessKind::Write, B, Out);
    }
    return;
  }
  if (auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->isIncrementDecrementOp()) {
      addAccessOf(U->getSubExpr(), AccessKind::Read, U, Out);
      addAccessOf(U->getSubExpr(), AccessKind::Write, U, Out);
    }
    return;
  }
  if (auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    // Creating a coroutine's frame runs none of its body (an eager one's
    // prefix is folded in by step(), its parameters mapped).
    if (createsCoroutine(FD))
      return;
    if (const Expr *Obj = implicitObject(Call)) {
      auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
      bool IsAssign = isa<CXXOperatorCallExpr>(Call) &&
                      cast<CXXOperatorCallExpr>(Call)->isAssignmentOp();
      const std::optional<std::vector<Access>> *Fields =
          MD && !IsAssign ? &fieldSummary(MD) : nullptr;
      const Expr *Stripped = Obj->IgnoreParenImpCasts();
      auto B = baseOf(Obj);
      if (Fields && *Fields && isa<CXXThisExpr>(Stripped)) {
        // A call on `this` touches the fields the method touches.
        for (Access A : **Fields) {
          A.Where = Call;
          addAccess(Out, A);
        }
      } else if (Fields && *Fields && B && B->Kind == Entity::Variable &&
                 !B->Member) {
        for (Access A : **Fields) {
          A.Target = {Entity::Variable, B->Decl,
                      cast<FieldDecl>(A.Target.Decl)};
          A.Where = Call;
          A.ThroughPointer = B->ThroughPointer;
          addAccess(Out, A);
        }
      } else {
        addAccessOf(Obj,
                    MD && MD->isConst() && !IsAssign ? AccessKind::Read
                                                     : AccessKind::Write,
                    Call, Out);
      }
    }
    unsigned Offset = argumentOffset(Call);
    llvm::SmallVector<const Expr *, 4> Args;
    for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
      Args.push_back(Call->getArg(I));
    argumentAccesses(FD, Args, Call, Out);
    return;
  }
  if (auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    argumentAccesses(CE->getConstructor(), Args, CE, Out);
  }
}

/// Whether \p S uses `this` other than to name one of its fields.
static bool usesWholeObject(const Stmt *S, const Stmt *Parent) {
  if (!S)
    return false;
  if (isa<LambdaExpr>(S))
    return true; // may run later, with its own view of the object
  if (isa<CXXThisExpr>(S)) {
    auto *M = dyn_cast_or_null<MemberExpr>(Parent);
    return !M || !isa<FieldDecl>(M->getMemberDecl());
  }
  for (const Stmt *Child : S->children()) {
    const Stmt *Via = S;
    // `this` reaches a MemberExpr through an implicit cast.
    if (auto *C = dyn_cast_or_null<ImplicitCastExpr>(Child);
        C && isa<CXXThisExpr>(C->getSubExpr()->IgnoreParenImpCasts()))
      Via = S, Child = C->getSubExpr()->IgnoreParenImpCasts();
    if (usesWholeObject(Child, Via))
      return true;
  }
  return false;
}

static void forEachStmt(const Stmt *S, llvm::function_ref<void(const Stmt *)> F) {
  if (!S)
    return;
  F(S);
  for (const Stmt *Child : S->children())
    forEachStmt(Child, F);
}

const std::optional<std::vector<Access>> &
Analyzer::Impl::fieldSummary(const CXXMethodDecl *MD) {
  auto [It, Inserted] = FieldSummaries.try_emplace(MD);
  if (!Inserted)
    return It->second;
  const FunctionDecl *Def = MD->getDefinition();
  const Stmt *Body = Def ? Def->getBody() : nullptr;
  if (!Body || isa<CoroutineBodyStmt>(Body) || usesWholeObject(Body, nullptr))
    return FieldSummaries[MD] = std::nullopt;
  std::vector<Access> All, Fields;
  forEachStmt(Body, [&](const Stmt *S) { collectAccesses(S, All); });
  for (const Access &A : All)
    if (A.Target.Kind == Entity::Field)
      addAccess(Fields, A);
  return FieldSummaries[MD] = std::move(Fields);
}

void Analyzer::Impl::collectCalls(const Stmt *S,
                                  std::vector<CallOfInterest> &Out) {
  const NamedDecl *D = nullptr;
  const Expr *Where = nullptr;
  if (auto *Call = dyn_cast<CallExpr>(S)) {
    D = Call->getDirectCallee();
    Where = Call;
  } else if (auto *DR = dyn_cast<DeclRefExpr>(S)) {
    // Asio's this_coro tags are variables, not calls.
    if (!isa<VarDecl>(DR->getDecl()))
      return;
    D = DR->getDecl();
    Where = DR;
  }
  if (!D)
    return;
  auto Add = [&](CallOfInterest::KindTy K) {
    CallOfInterest C;
    C.Kind = K;
    C.Call = Where;
    C.Name = D->getQualifiedNameAsString();
    if (K == CallOfInterest::Spawn)
      C.Spawned = resolveSpawned(cast<CallExpr>(Where)).Spawned;
    Out.push_back(std::move(C));
  };
  if (isa<CallExpr>(Where)) {
    if (Spawn.matches(D) && !explicitlyLazy(cast<CallExpr>(Where)))
      Add(CallOfInterest::Spawn);
    if (Cancel.matches(D))
      Add(CallOfInterest::Cancel);
    if (StateQuery.matches(D))
      Add(CallOfInterest::StateQuery);
  }
  if (Timeout.matches(D))
    Add(CallOfInterest::Timeout);
  if (Ambient.matches(D))
    Add(CallOfInterest::AmbientTask);
}

//===----------------------------------------------------------------------===//
// Mapping a callee's accesses into its caller
//===----------------------------------------------------------------------===//

bool Analyzer::Impl::mapIntoCaller(const FunctionDecl *Callee,
                                   const CallExpr *Call, Access &A) const {
  if (!Callee)
    return false;
  if (A.Target.Kind == Entity::Field) {
    // A lambda's `this` is the enclosing object's.
    if (isLambdaCallOperator(Callee))
      return true;
    const Expr *Obj = Call ? implicitObject(Call) : nullptr;
    if (!Obj)
      return false;
    if (isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
      return true;
    auto B = baseOf(Obj);
    if (!B)
      return false;
    const FieldDecl *Member = B->Member;
    if (!Member && B->Kind == Entity::Variable)
      Member = cast<FieldDecl>(A.Target.Decl);
    A.Target = {B->Kind, B->Decl, Member};
    A.ThroughPointer = B->ThroughPointer;
    return true;
  }
  auto *V = dyn_cast<VarDecl>(A.Target.Decl);
  if (!V)
    return false;
  if (V->hasGlobalStorage())
    return true;
  if (auto *PV = dyn_cast<ParmVarDecl>(V);
      PV && PV->getDeclContext() == Callee) {
    QualType T = PV->getType();
    bool Shared = T->isReferenceType() || (T->isPointerType() && A.ThroughPointer);
    if (!Call || !Shared)
      return false;
    unsigned Index = PV->getFunctionScopeIndex() + argumentOffset(Call);
    if (Index >= Call->getNumArgs())
      return false;
    auto B = baseOf(Call->getArg(Index));
    if (!B)
      return false;
    const FieldDecl *Member = B->Member ? B->Member : A.Target.Member;
    A.Target = {B->Kind, B->Decl,
                B->Kind == Entity::Variable ? Member : nullptr};
    A.ThroughPointer = B->ThroughPointer;
    return true;
  }
  const DeclContext *Owner = V->getParentFunctionOrMethod();
  if (Owner == Callee)
    return false;
  // A variable of an enclosing function: shared only if the lambda captured
  // it by reference.
  if (isLambdaCallOperator(Callee)) {
    llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
    FieldDecl *ThisCapture = nullptr;
    cast<CXXMethodDecl>(Callee)->getParent()->getCaptureFields(Captures,
                                                               ThisCapture);
    auto It = Captures.find(V);
    return It != Captures.end() && It->second->getType()->isReferenceType();
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Spawn sites
//===----------------------------------------------------------------------===//

ResolvedCoroutine Analyzer::Impl::resolveCoroutineExpr(const Expr *E,
                                                       unsigned Depth) {
  ResolvedCoroutine R;
  E = stripWrappers(E);
  if (!E || Depth > 4)
    return R;
  if (auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName() == "move" && Call->getNumArgs() == 1)
      return resolveCoroutineExpr(Call->getArg(0), Depth + 1);
    if (const FunctionDecl *Def = coroutineDefinition(Callee)) {
      R.Spawned = Def;
      R.SpawnedCall = Call;
    }
    if (createsCoroutine(Callee))
      R.Declared = Callee;
    return R;
  }
  if (auto *L = dyn_cast<LambdaExpr>(E)) {
    R.Spawned = R.Declared = coroutineDefinition(L->getCallOperator());
    return R;
  }
  if (auto *DR = dyn_cast<DeclRefExpr>(E))
    if (auto *V = dyn_cast<VarDecl>(DR->getDecl());
        V && V->hasLocalStorage() && V->getInit())
      return resolveCoroutineExpr(V->getInit(), Depth + 1);
  return R;
}

ResolvedCoroutine Analyzer::Impl::resolveSpawned(const CallExpr *SpawnCall) {
  auto [It, Inserted] = Resolved.try_emplace(SpawnCall);
  if (!Inserted)
    return It->second;
  ResolvedCoroutine R;
  for (const Expr *Arg : SpawnCall->arguments()) {
    R = resolveCoroutineExpr(Arg, 0);
    if (R.Declared) {
      R.SpawnedExpr = Arg;
      break;
    }
  }
  if (!R.SpawnedExpr && SpawnCall->getNumArgs() > 0)
    R.SpawnedExpr = SpawnCall->getArg(0);
  return Resolved[SpawnCall] = R;
}

namespace {
/// Finds the spawn calls of one function body with their parents.
class SpawnCallFinder {
public:
  SpawnCallFinder(const NameSet &Spawn) : Spawn(Spawn) {}

  struct Found {
    const CallExpr *Call;
    const Stmt *Statement;  ///< child of a CompoundStmt, or null
    const VarDecl *Handle;  ///< variable initialised or assigned from it
    const Expr *DirectUse;  ///< member call made on the result directly
  };
  std::vector<Found> Calls;

  void run(const Stmt *Body) { visit(Body); }

private:
  const NameSet &Spawn;
  llvm::SmallVector<const Stmt *, 32> Parents;

  void visit(const Stmt *S) {
    if (!S)
      return;
    if (isa<LambdaExpr>(S))
      return; // its body is its own function
    if (auto *Call = dyn_cast<CallExpr>(S))
      if (Spawn.matches(Call->getDirectCallee()))
        record(Call);
    Parents.push_back(S);
    for (const Stmt *Child : S->children())
      visit(Child);
    Parents.pop_back();
  }

  void record(const CallExpr *Call) {
    Found F{Call, nullptr, nullptr, nullptr};
    const Stmt *Child = Call;
    for (auto It = Parents.rbegin(), E = Parents.rend(); It != E; ++It) {
      const Stmt *P = *It;
      if (isa<CompoundStmt>(P)) {
        F.Statement = Child;
        break;
      }
      if (!F.Handle && !F.DirectUse) {
        if (auto *DS = dyn_cast<DeclStmt>(P)) {
          for (const Decl *D : DS->decls())
            if (auto *V = dyn_cast<VarDecl>(D);
                V && V->getInit() && stripWrappers(V->getInit()) == Call)
              F.Handle = V;
        } else if (auto *B = dyn_cast<BinaryOperator>(P);
                   B && B->isAssignmentOp() &&
                   stripWrappers(B->getRHS()) == Call) {
          if (auto Base = baseOf(B->getLHS()))
            F.Handle = dyn_cast<VarDecl>(Base->Decl);
        } else if (auto *Op = dyn_cast<CXXOperatorCallExpr>(P);
                   Op && Op->isAssignmentOp() && Op->getNumArgs() == 2 &&
                   stripWrappers(Op->getArg(1)) == Call) {
          if (auto Base = baseOf(Op->getArg(0)))
            F.Handle = dyn_cast<VarDecl>(Base->Decl);
        } else if (auto *MC = dyn_cast<CXXMemberCallExpr>(P);
                   MC && MC->getImplicitObjectArgument() &&
                   stripWrappers(MC->getImplicitObjectArgument()) == Call) {
          F.DirectUse = MC;
        }
      }
      Child = P;
    }
    Calls.push_back(F);
  }
};
} // namespace

void Analyzer::Impl::findHandleBinders(const Stmt *S,
                                       llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(S);
      MC && Binders.matches(MC->getMethodDecl()))
    if (auto B = baseOf(MC->getImplicitObjectArgument()))
      if (auto *V = dyn_cast<VarDecl>(B->Decl); V && !llvm::is_contained(Out, V))
        Out.push_back(V);
  for (const Stmt *Child : S->children())
    findHandleBinders(Child, Out);
}

std::vector<SpawnSite>
Analyzer::Impl::spawnSitesIn(const FunctionDecl *FD) {
  std::vector<SpawnSite> Sites;
  if (!FD->hasBody() || FD->isDependentContext())
    return Sites;
  const Stmt *Body = FD->getBody();
  bool IsCoroutine = false;
  if (auto *CB = dyn_cast<CoroutineBodyStmt>(Body)) {
    Body = CB->getBody();
    IsCoroutine = true;
  }
  SpawnCallFinder Finder(Spawn);
  Finder.run(Body);
  llvm::erase_if(Finder.Calls, [&](const SpawnCallFinder::Found &F) {
    return explicitlyLazy(F.Call);
  });
  if (Finder.Calls.empty())
    return Sites;
  FunctionInfo *FI = info(FD);
  if (!FI)
    return Sites;
  // Where each spawn call sits in the CFG.
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Pos;
  for (const auto &F : Finder.Calls)
    Pos[F.Call] = {nullptr, 0};
  for (const CFGBlock *B : *FI->Cfg)
    for (unsigned I = 0, N = B->size(); I < N; ++I)
      if (auto CS = (*B)[I].getAs<CFGStmt>())
        if (auto It = Pos.find(CS->getStmt()); It != Pos.end())
          It->second = {B, I};

  for (const auto &F : Finder.Calls) {
    SpawnSite S;
    S.Call = F.Call;
    S.Statement = F.Statement;
    S.Spawner = FD;
    S.SpawnerIsCoroutine = IsCoroutine;
    ResolvedCoroutine R = resolveSpawned(F.Call);
    S.SpawnedExpr = R.SpawnedExpr;
    S.Spawned = R.Spawned;
    S.SpawnedDecl = R.Declared;
    S.SpawnedCall = R.SpawnedCall;
    if (F.Handle)
      S.Handles.push_back(F.Handle);
    findHandleBinders(F.Call, S.Handles);
    auto [Block, Index] = Pos.lookup(F.Call);
    if (Block) {
      PrefixSummary Window;
      walk(*FI, Block, Index + 1, [&](const Stmt *E) {
        // Copies of the handle refer to the same task.
        if (auto *DS = dyn_cast<DeclStmt>(E))
          for (const Decl *D : DS->decls())
            if (auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
              if (auto B = baseOf(stripWrappers(V->getInit())))
                if (llvm::is_contained(S.Handles, B->Decl) &&
                    !llvm::is_contained(S.Handles, V))
                  S.Handles.push_back(V);
        return step(E, Window, S.Window);
      });
      S.WindowAccesses = std::move(Window.Accesses);
      S.WindowCalls = std::move(Window.Calls);
      S.WindowEnds = std::move(Window.FirstSuspensions);
    }
    if (F.DirectUse) {
      // `create_task(f()).cancel()`: the call itself is the first use.
      if (auto *MC = dyn_cast<CXXMemberCallExpr>(F.DirectUse)) {
        const CXXMethodDecl *MD = MC->getMethodDecl();
        CallOfInterest C;
        C.Call = MC;
        C.Name = MD ? MD->getQualifiedNameAsString() : "";
        if (Cancel.matches(MD)) {
          C.Kind = CallOfInterest::Cancel;
          S.WindowCalls.insert(S.WindowCalls.begin(), C);
        } else if (StateQuery.matches(MD)) {
          C.Kind = CallOfInterest::StateQuery;
          S.WindowCalls.insert(S.WindowCalls.begin(), C);
        }
      }
    }
    Sites.push_back(std::move(S));
  }
  return Sites;
}

bool Analyzer::Impl::usesHandle(const SpawnSite &S,
                                const CallOfInterest &C) const {
  auto *Call = dyn_cast<CallExpr>(C.Call);
  if (!Call)
    return false;
  const Expr *Obj = implicitObject(Call);
  if (!Obj)
    return false;
  if (stripWrappers(Obj) == S.Call)
    return true;
  auto B = baseOf(Obj);
  return B && llvm::is_contained(S.Handles, B->Decl);
}

namespace {
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  const SourceManager &SM;
  std::vector<const FunctionDecl *> Functions;
  explicit FunctionCollector(const SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *D) {
    // Library headers hold no user spawns; skipping them keeps the
    // traversal proportional to the user's code.
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      Functions.push_back(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    if (CXXMethodDecl *Op = L->getCallOperator(); Op && !Op->isDependentContext())
      Functions.push_back(Op);
    else if (FunctionTemplateDecl *T = L->getDependentCallOperator())
      for (FunctionDecl *Spec : T->specializations())
        Functions.push_back(Spec);
    return true;
  }
};
} // namespace

llvm::ArrayRef<SpawnSite> Analyzer::Impl::spawnSites() {
  if (Sites)
    return *Sites;
  Sites.emplace();
  FunctionCollector Collector(Ctx.getSourceManager());
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  llvm::DenseSet<const FunctionDecl *> Done;
  for (const FunctionDecl *FD : Collector.Functions) {
    if (!Done.insert(FD).second)
      continue;
    for (SpawnSite &S : spawnSitesIn(FD))
      Sites->push_back(std::move(S));
  }
  Functions = std::move(Collector.Functions);
  return *Sites;
}

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
