//===- Segments.cpp - Prefixes: walking to the next suspension --------------===//
#include "AnalyzerImpl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace eagerlint::analysis {

//===----------------------------------------------------------------------===//
// Impl: names, suspension points, policies
//===----------------------------------------------------------------------===//

Analyzer::Impl::Impl(ASTContext &Ctx, Profile P, Options O)
    : Ctx(Ctx), Prof(std::move(P)), Opts(O), Spawn(Prof.SpawnFunctions),
      Cancel(Prof.CancelFunctions), StateQuery(Prof.StateQueryFunctions),
      Timeout(Prof.TimeoutFunctions), Ambient(Prof.AmbientTaskFunctions),
      NeverSuspend(Prof.NeverSuspendingAwaitables),
      Binders(Prof.HandleBinders), LazyStart(Prof.LazyStartArguments),
      DeferredStart(Prof.DeferredStartTypes),
      CancelOnDestroy(Prof.CancelOnDestroyTypes),
      Unshared(withStandardUnsharedTypes(Prof.UnsharedTypes)),
      EagerTypes(Prof.EagerTypes), ReadOnlyCalls(Prof.ReadOnlyFunctions) {}

/// The standard library's synchronisation types: locking, unlocking and
/// notifying order threads, not the tasks of one event loop, so they are no
/// state a start policy reorders.
std::vector<std::string>
withStandardUnsharedTypes(std::vector<std::string> Names) {
  for (const char *Std :
       {"::std::mutex", "::std::recursive_mutex", "::std::timed_mutex",
        "::std::recursive_timed_mutex", "::std::shared_mutex",
        "::std::shared_timed_mutex", "::std::condition_variable",
        "::std::condition_variable_any", "::std::lock_guard",
        "::std::unique_lock", "::std::scoped_lock", "::std::shared_lock"})
    Names.push_back(Std);
  return Names;
}

static const NamedDecl *typeDecl(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (auto *TST = T->getAs<TemplateSpecializationType>())
    if (TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      if (!T->getAsCXXRecordDecl())
        return TD->getTemplatedDecl();
  return T->getAsCXXRecordDecl();
}

bool Analyzer::Impl::deferredStart(const CallExpr *Call) const {
  if (DeferredStart.matches(typeDecl(Call->getType())))
    return true;
  unsigned N = Call->getNumArgs();
  return N > 1 && DeferredStart.matches(typeDecl(Call->getArg(N - 1)->getType()));
}

bool Analyzer::Impl::flippedType(QualType T) const {
  return EagerTypes.matches(typeDecl(T));
}

bool Analyzer::Impl::cancelsOnDestroy(QualType T) const {
  return CancelOnDestroy.matches(typeDecl(T));
}

bool Analyzer::Impl::unshared(QualType T) const {
  return Unshared.matches(typeDecl(T));
}

/// Whether awaiting a \p T never suspends (its `await_ready()` is constant
/// true): a coroutine type that completes synchronously, a serialiser or a
/// generator rather than a task.
static bool completesSynchronously(QualType T, const ASTContext &Ctx,
                                   bool ThroughCoAwait = true) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  // A member class of a template that nothing completed here: its pattern.
  if (RD && !RD->hasDefinition())
    if (const CXXRecordDecl *Pattern = RD->getInstantiatedFromMemberClass())
      RD = Pattern;
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  for (const CXXMethodDecl *MD : RD->methods()) {
    // `sync_task::operator co_await() &&` hands out the awaiter.
    if (ThroughCoAwait && MD->getOverloadedOperator() == OO_Coawait &&
        completesSynchronously(MD->getReturnType(), Ctx, false))
      return true;
    if (!MD->getIdentifier() || MD->getName() != "await_ready")
      continue;
    const FunctionDecl *Def = MD->getDefinition();
    // A member of a class template not used in this translation unit has
    // no instantiated body: its pattern's says the same.
    if (!Def)
      if (const FunctionDecl *Pattern = MD->getTemplateInstantiationPattern())
        Def = Pattern->getDefinition();
    auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
    auto *Ret = Body && Body->size() == 1
                    ? dyn_cast<ReturnStmt>(Body->body_front())
                    : nullptr;
    bool Value = false;
    return Ret && Ret->getRetValue() && !Ret->getRetValue()->isValueDependent() &&
           Ret->getRetValue()->EvaluateAsBooleanCondition(Value, Ctx) && Value;
  }
  return false;
}

bool Analyzer::Impl::isEagerStart(const FunctionDecl *FD) const {
  if (!FD || !createsCoroutine(FD))
    return false;
  if (flippedType(FD->getReturnType()))
    return true;
  // No task to start early: it has always run to completion at the call.
  if (completesSynchronously(FD->getReturnType(), Ctx))
    return false;
  if (coroutineDefinition(FD))
    return startPolicy(FD) == StartPolicy::Eager;
  return typeStartPolicy(FD->getReturnType()) == StartPolicy::Eager;
}

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

StartPolicy Analyzer::Impl::typeStartPolicy(QualType T) const {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return StartPolicy::Unknown;
  auto Promise = RD->lookup(&Ctx.Idents.get("promise_type"));
  if (Promise.empty())
    return StartPolicy::Unknown;
  const CXXRecordDecl *PD = nullptr;
  if (auto *TD = dyn_cast<TypeDecl>(Promise.front()))
    PD = Ctx.getTypeDeclType(TD)->getAsCXXRecordDecl();
  if (!PD || !PD->hasDefinition())
    return StartPolicy::Unknown;
  for (const Decl *D : PD->decls()) {
    auto *MD = dyn_cast<CXXMethodDecl>(D);
    if (!MD || !MD->getIdentifier() || MD->getName() != "initial_suspend")
      continue;
    const CXXRecordDecl *Awaiter = MD->getReturnType()->getAsCXXRecordDecl();
    if (!Awaiter)
      return StartPolicy::Unknown;
    if (NeverSuspend.matches(Awaiter) ||
        (Awaiter->isInStdNamespace() && Awaiter->getName() == "suspend_never"))
      return StartPolicy::Eager;
    if (Awaiter->isInStdNamespace() && Awaiter->getName() == "suspend_always")
      return StartPolicy::Lazy;
    return StartPolicy::Unknown;
  }
  return StartPolicy::Unknown;
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
  llvm::DenseSet<const Expr *> &Awaited;
  InternalCollector(llvm::DenseSet<const Stmt *> &I,
                    llvm::DenseSet<const Expr *> &A)
      : Internal(I), Awaited(A) {}
  bool shouldVisitLambdaBody() const { return false; }
  bool VisitCoroutineSuspendExpr(CoroutineSuspendExpr *E) {
    if (const Expr *Op = stripWrappers(E->getOperand()))
      Awaited.insert(Op);
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
  Slot->Body = Body;
  Slot->Cfg = CFG::buildCFG(FD, Body, &Ctx, BO);
  if (!Slot->Cfg)
    return nullptr;
  InternalCollector(Slot->Internal, AwaitedOperands).TraverseStmt(Body);
  for (const CFGBlock *B : *Slot->Cfg)
    for (unsigned I = 0, N = B->size(); I < N; ++I)
      if (auto CS = (*B)[I].getAs<CFGStmt>())
        Slot->Positions.try_emplace(CS->getStmt(), B, I);
  return Slot.get();
}

//===----------------------------------------------------------------------===//
// Walking from a point to the next suspension
//===----------------------------------------------------------------------===//

bool Analyzer::Impl::walk(
    const FunctionInfo &FI, const CFGBlock *Start, unsigned Index,
    llvm::function_ref<bool(const Stmt *)> OnElement,
    const Stmt *KeepLooping) {
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
      // A loop's false edge, when its condition cannot have changed.
      if (KeepLooping && B->getTerminatorStmt() == KeepLooping &&
          It == B->succ_rbegin() && B->succ_size() == 2)
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
  // An eager coroutine's prefix ran at the call (see step()).
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
  // Calling an eager coroutine runs its prefix right here; a flipped type
  // awaited at once is followed by inlineAwaited() instead.
  if (auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Def = coroutineDefinition(Call->getDirectCallee());
        Def && (startPolicy(Def) == StartPolicy::Eager ||
                (isEagerStart(Def) && !isAwaitedOperand(Call))))
      fold(Out, prefix(Def), Call);
  return true;
}

const PrefixSummary &Analyzer::Impl::prefix(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD->getDefinition() ? FD->getDefinition() : FD;
  if (auto It = Prefixes.find(Def); It != Prefixes.end())
    return *It->second;
  static const PrefixSummary Unknown;
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
    Transient.push_back(std::move(Summary));
    return *Transient.back();
  }
  return *(Prefixes[Def] = std::move(Summary));
}

} // namespace eagerlint::analysis
