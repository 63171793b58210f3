//===- SpawnSites.cpp - Spawn calls, handles and windows --------------------===//
#include "AnalyzerImpl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace eagerlint::analysis {

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
    if (createsCoroutine(Callee)) {
      R.Declared = Callee;
      return R;
    }
    // `co_withExecutor(ex, f())`: a wrapper around the coroutine.
    for (const Expr *Arg : Call->arguments())
      if (ResolvedCoroutine Inner = resolveCoroutineExpr(Arg, Depth + 1);
          Inner.Declared)
        return Inner;
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
  // `co_withExecutor(ex, f()).start()`: the spawn is a member of the object
  // that holds the coroutine.
  llvm::SmallVector<const Expr *, 4> Candidates(SpawnCall->arguments());
  if (const Expr *Obj = implicitObject(SpawnCall))
    Candidates.push_back(Obj);
  for (const Expr *Arg : Candidates) {
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

struct Analyzer::Impl::SpawnCall {
  const CallExpr *Call;
  bool TypeLevel;
  const Stmt *Statement; ///< child of a CompoundStmt, or null
  const VarDecl *Handle; ///< variable initialised or assigned from it
  const Expr *DirectUse; ///< member call made on the result directly
  bool Awaited;          ///< the operand of a co_await
  bool Discarded;        ///< an expression statement of its own
  bool Argument;         ///< passed straight to another call
  const ValueDecl *BoundBy; ///< object of a handle binder wrapping it
};

/// Finds the spawn calls of one function body with their parents: calls of a
/// spawn function, and calls that start an eager coroutine without awaiting
/// it (type-level starts).
class Analyzer::Impl::SpawnCallFinder {
public:
  SpawnCallFinder(const Analyzer::Impl &I) : I(I) {}

  std::vector<SpawnCall> Calls;

  void run(const Stmt *Body) { visit(Body); }

private:
  const Analyzer::Impl &I;
  llvm::SmallVector<const Stmt *, 32> Parents;

  void visit(const Stmt *S) {
    if (!S)
      return;
    if (isa<LambdaExpr>(S))
      return; // its body is its own function
    // Only the operand of a co_await is user code; the awaiter machinery
    // refers to it again.
    if (auto *SE = dyn_cast<CoroutineSuspendExpr>(S)) {
      Parents.push_back(S);
      visit(SE->getOperand());
      Parents.pop_back();
      return;
    }
    if (auto *Call = dyn_cast<CallExpr>(S)) {
      if (I.Spawn.matches(Call->getDirectCallee()))
        record(Call, /*TypeLevel=*/false);
      else if (I.isEagerStart(Call->getDirectCallee()) && !handedToSpawn())
        record(Call, /*TypeLevel=*/true);
    }
    Parents.push_back(S);
    for (const Stmt *Child : S->children())
      visit(Child);
    Parents.pop_back();
  }

  /// Whether \p E is \p Call, or an object constructed from it
  /// (`std::optional p{co_spawn(...)}`).
  static bool holds(const Expr *E, const CallExpr *Call) {
    E = stripWrappers(E);
    if (E == Call)
      return true;
    if (auto *C = dyn_cast<CXXConstructExpr>(E))
      return C->getNumArgs() == 1 && stripWrappers(C->getArg(0)) == Call;
    if (auto *L = dyn_cast<InitListExpr>(E))
      return L->getNumInits() == 1 && holds(L->getInit(0), Call);
    // `std::make_optional(co_spawn(...))`
    if (auto *Make = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = Make->getDirectCallee();
          FD && FD->isInStdNamespace() && FD->getIdentifier() &&
          FD->getName() == "make_optional" && Make->getNumArgs() == 1)
        return holds(Make->getArg(0), Call);
    return false;
  }

  /// `create_task(f())`: the spawn call, not the coroutine's creation, is
  /// the start.
  bool handedToSpawn() const {
    for (auto It = Parents.rbegin(), E = Parents.rend(); It != E; ++It) {
      if (auto *P = dyn_cast<CallExpr>(*It))
        return I.Spawn.matches(P->getDirectCallee());
      if (!isa<Expr>(*It))
        return false;
    }
    return false;
  }

  void record(const CallExpr *Call, bool TypeLevel) {
    SpawnCall F{Call,  TypeLevel, nullptr, nullptr, nullptr,
                false, false,     false,   nullptr};
    for (auto It = Parents.rbegin(), E = Parents.rend(); It != E; ++It) {
      if (isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
              ExprWithCleanups, ParenExpr, CXXFunctionalCastExpr>(*It))
        continue;
      if (auto *C = dyn_cast<CXXConstructExpr>(*It);
          C && C->getNumArgs() == 1 &&
          C->getConstructor()->isCopyOrMoveConstructor())
        continue;
      F.Argument = isa<CallExpr, CXXConstructExpr>(*It);
      if (auto *MC = dyn_cast<CXXMemberCallExpr>(*It);
          MC && I.Binders.matches(MC->getMethodDecl()))
        if (auto B = baseOf(MC->getImplicitObjectArgument()))
          F.BoundBy = B->Decl;
      break;
    }
    const Stmt *Child = Call;
    for (auto It = Parents.rbegin(), E = Parents.rend(); It != E; ++It) {
      const Stmt *P = *It;
      if (auto *SE = dyn_cast<CoroutineSuspendExpr>(P);
          SE && Child == SE->getOperand())
        F.Awaited = true;
      if (isa<CompoundStmt>(P)) {
        F.Statement = Child;
        F.Discarded = isa<Expr>(Child) && stripWrappers(cast<Expr>(Child)) == Call;
        break;
      }
      if (!F.Handle && !F.DirectUse) {
        if (auto *DS = dyn_cast<DeclStmt>(P)) {
          for (const Decl *D : DS->decls())
            if (auto *V = dyn_cast<VarDecl>(D);
                V && V->getInit() && holds(V->getInit(), Call))
              F.Handle = V;
        } else if (auto *MC = dyn_cast<CXXMemberCallExpr>(P);
                   MC && MC->getImplicitObjectArgument() &&
                   stripWrappers(MC->getImplicitObjectArgument()) != Call &&
                   llvm::any_of(MC->arguments(), [&](const Expr *A) {
                     return holds(A, Call);
                   })) {
          // `tasks.emplace(id, co_spawn(...))`: the container holds it.
          if (auto Base = baseOf(MC->getImplicitObjectArgument()))
            F.Handle = dyn_cast<VarDecl>(Base->Decl);
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

bool Analyzer::Impl::cancellable(QualType T) const {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  return llvm::any_of(RD->methods(), [&](const CXXMethodDecl *MD) {
    return Cancel.matches(MD);
  });
}

/// The standard container that the variable \p D refers into: an iterator
/// or element it was initialised from (`auto [it, ok] = m.emplace(...)`,
/// `auto it = m.find(k)`, `auto &e = v.back()`).
static const ValueDecl *containerOf(const ValueDecl *D) {
  auto *V = dyn_cast<VarDecl>(D);
  auto *MC = V && V->getInit()
                 ? dyn_cast<CXXMemberCallExpr>(stripWrappers(V->getInit()))
                 : nullptr;
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() || !MD->getParent()->isInStdNamespace() ||
      !llvm::is_contained({"emplace", "emplace_back", "emplace_front",
                           "emplace_hint", "try_emplace", "insert",
                           "insert_or_assign", "find", "begin", "front",
                           "back", "at", "lower_bound", "upper_bound"},
                          MD->getName()))
    return nullptr;
  auto B = baseOf(MC->getImplicitObjectArgument());
  return B ? B->Decl : nullptr;
}

void Analyzer::Impl::findHandleBinders(
    const Stmt *S, llvm::SmallVectorImpl<const ValueDecl *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(S);
      MC && Binders.matches(MC->getMethodDecl()))
    if (auto B = baseOf(MC->getImplicitObjectArgument())) {
      if (!llvm::is_contained(Out, B->Decl))
        Out.push_back(B->Decl);
      // Bound through an iterator into a container: the container holds
      // the handle (`bind_cancellation_slot(it->second->slot(), ...)`).
      if (const ValueDecl *Container = containerOf(B->Decl);
          Container && !llvm::is_contained(Out, Container))
        Out.push_back(Container);
    }
  for (const Stmt *Child : S->children())
    findHandleBinders(Child, Out);
}

/// Whether \p E names one of \p Handles, directly or through std::move.
static bool namesHandle(const Expr *E, llvm::ArrayRef<const ValueDecl *> Handles) {
  E = stripWrappers(E);
  if (auto *Cast = dyn_cast<CXXStaticCastExpr>(E))
    E = Cast->getSubExpr();
  if (auto *Move = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *FD = Move->getDirectCallee();
        FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        FD->getName() == "move" && Move->getNumArgs() == 1)
      E = Move->getArg(0);
  auto B = baseOf(E);
  return B && llvm::is_contained(Handles, B->Decl);
}

static void addHandle(llvm::SmallVectorImpl<const ValueDecl *> &Handles,
                      const ValueDecl *D) {
  if (D && !llvm::is_contained(Handles, D))
    Handles.push_back(D);
}

/// Follows where a handle goes in one window element: copies, containers it
/// is moved into (`sessions.emplace(id, std::move(sig))`), loop variables
/// over such containers (`for (auto &[id, s] : sessions)`).
static void trackHandles(const Stmt *E,
                         llvm::SmallVectorImpl<const ValueDecl *> &Handles,
                         const llvm::DenseMap<const VarDecl *, const Expr *> &RangeOf) {
  if (auto *DS = dyn_cast<DeclStmt>(E)) {
    for (const Decl *D : DS->decls())
      if (auto *V = dyn_cast<VarDecl>(D)) {
        if (auto It = RangeOf.find(V); It != RangeOf.end()) {
          if (namesHandle(It->second, Handles))
            addHandle(Handles, V);
        } else if (V->getInit() && namesHandle(V->getInit(), Handles)) {
          addHandle(Handles, V);
        }
      }
    return;
  }
  auto *Call = dyn_cast<CallExpr>(E);
  const Expr *Obj = Call ? implicitObject(Call) : nullptr;
  if (!Obj)
    return;
  for (unsigned N = argumentOffset(Call); N < Call->getNumArgs(); ++N)
    if (namesHandle(Call->getArg(N), Handles))
      if (auto B = baseOf(Obj))
        addHandle(Handles, B->Decl);
}

/// Whether \p E destroys the handle held in one of \p Handles
/// (`p.reset()`, `tasks.clear()`, `tasks.erase(id)`).
static bool destroysHandle(const Stmt *E, llvm::ArrayRef<const ValueDecl *> Handles) {
  auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() || !MC->getImplicitObjectArgument())
    return false;
  if (!llvm::is_contained({"reset", "clear", "erase", "pop_back", "pop_front",
                           "extract"},
                          MD->getName()))
    return false;
  auto B = baseOf(MC->getImplicitObjectArgument());
  return B && llvm::is_contained(Handles, B->Decl);
}

/// A `continue` or `break` of the loop that declares \p Handle, after
/// \p Call and before the window's first suspension in source order: the
/// handle leaves its scope there.
static const Stmt *loopExit(const Stmt *S, const CallExpr *Call,
                            llvm::ArrayRef<SuspensionPoint> Ends,
                            const SourceManager &SM) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (isa<ContinueStmt, BreakStmt>(S)) {
    bool AfterSpawn = SM.isBeforeInTranslationUnit(Call->getEndLoc(),
                                                   S->getBeginLoc());
    bool BeforeEnd = Ends.empty() ||
                     SM.isBeforeInTranslationUnit(S->getBeginLoc(),
                                                  Ends.front().Expr->getBeginLoc());
    return AfterSpawn && BeforeEnd ? S : nullptr;
  }
  for (const Stmt *Child : S->children()) {
    // An inner loop's break and continue stay inside it.
    if (isa_and_nonnull<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Child))
      continue;
    if (const Stmt *Exit = loopExit(Child, Call, Ends, SM))
      return Exit;
  }
  return nullptr;
}

/// The range of every range-for loop variable of \p Body.
static llvm::DenseMap<const VarDecl *, const Expr *> rangesOf(const Stmt *Body) {
  llvm::DenseMap<const VarDecl *, const Expr *> Ranges;
  forEachStmtOutsideLambdas(Body, [&](const Stmt *S) {
    if (auto *FR = dyn_cast<CXXForRangeStmt>(S))
      Ranges[FR->getLoopVariable()] = FR->getRangeInit();
  });
  return Ranges;
}

/// Whether \p E awaits one of \p Handles: a lazy task of the same type
/// would have started there, and the awaiter waits for it.
static bool awaitsHandle(const Stmt *E, llvm::ArrayRef<const ValueDecl *> Handles) {
  auto *SE = dyn_cast<CoroutineSuspendExpr>(E);
  return SE && isa<CoawaitExpr>(SE) && namesHandle(SE->getOperand(), Handles);
}

/// Whether \p E hands the task of \p Handles on (to a spawn or join
/// function, or any callee taking it by value): a lazy task starts there.
static bool handsOff(const Stmt *E, llvm::ArrayRef<const ValueDecl *> Handles) {
  auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return false;
  for (unsigned N = argumentOffset(Call); N < Call->getNumArgs(); ++N) {
    if (Call->getArg(N)->getType()->isReferenceType() ||
        implicitObject(Call) == Call->getArg(N))
      continue;
    if (namesHandle(Call->getArg(N), Handles))
      return true;
  }
  return false;
}

void Analyzer::Impl::walkWindow(const FunctionInfo &FI, const Stmt *From,
                                llvm::SmallVectorImpl<const ValueDecl *> &Handles,
                                PrefixSummary &Out,
                                std::vector<const Stmt *> &Elements,
                                bool StopAtHandOff, const Stmt *KeepLooping) {
  auto Pos = FI.Positions.find(From);
  if (Pos == FI.Positions.end())
    return;
  auto [Block, Index] = Pos->second;
  llvm::DenseMap<const VarDecl *, const Expr *> RangeOf =
      rangesOf(FI.Body);
  Out.MayFinishWithoutSuspending =
      walk(FI, Block, Index + 1, [&](const Stmt *E) {
        trackHandles(E, Handles, RangeOf);
        if (StopAtHandOff && (handsOff(E, Handles) || awaitsHandle(E, Handles)))
          return false;
        return step(E, Out, Elements);
      }, KeepLooping);
}

const Stmt *Analyzer::Impl::loopKeptRunning(const Stmt *Body,
                                            const CallExpr *Call,
                                            const FunctionDecl *Spawned) {
  if (!Spawned)
    return nullptr;
  auto [Loop, Cond] = loopConditionHeldAt(Body, Call, Ctx);
  if (!Loop)
    return nullptr;
  // What the condition reads: variables and fields, through calls that
  // only read (`running_.load()`).
  llvm::DenseSet<const ValueDecl *> Reads;
  bool Plain = true;
  forEachStmt(Cond, [&](const Stmt *S) {
    if (auto *DR = dyn_cast<DeclRefExpr>(S)) {
      if (isa<VarDecl>(DR->getDecl()))
        Reads.insert(DR->getDecl());
    } else if (auto *M = dyn_cast<MemberExpr>(S)) {
      if (isa<FieldDecl, VarDecl>(M->getMemberDecl()))
        Reads.insert(M->getMemberDecl());
    } else if (auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      Plain = Plain && MD && (MD->isConst() || isStdAccessor(MD));
    } else if (isa<CallExpr, CoroutineSuspendExpr, LambdaExpr>(S) &&
               !isa<CXXOperatorCallExpr>(S)) {
      Plain = false;
    }
  });
  if (!Plain || Reads.empty())
    return nullptr;
  auto WritesCondition = [&](llvm::ArrayRef<Access> Accesses) {
    return llvm::any_of(Accesses, [&](const Access &A) {
      return A.Kind == AccessKind::Write &&
             (Reads.contains(A.Target.Decl) ||
              (A.Target.Member && Reads.contains(A.Target.Member)));
    });
  };
  std::vector<Access> InLoop;
  forEachStmt(Loop, [&](const Stmt *S) { collectAccesses(S, InLoop); });
  if (WritesCondition(InLoop) || WritesCondition(prefix(Spawned).Accesses))
    return nullptr;
  return Loop;
}

const Stmt *Analyzer::Impl::loopExitBefore(
    const Stmt *Body, const CallExpr *Call,
    llvm::ArrayRef<SuspensionPoint> Ends) {
  const Stmt *Loop = enclosingLoop(Body, Call);
  if (!Loop)
    return nullptr;
  const Stmt *LoopBody = nullptr;
  if (auto *For = dyn_cast<ForStmt>(Loop))
    LoopBody = For->getBody();
  else if (auto *While = dyn_cast<WhileStmt>(Loop))
    LoopBody = While->getBody();
  else if (auto *Do = dyn_cast<DoStmt>(Loop))
    LoopBody = Do->getBody();
  else
    LoopBody = cast<CXXForRangeStmt>(Loop)->getBody();
  return loopExit(LoopBody, Call, Ends, Ctx.getSourceManager());
}

SpawnStart Analyzer::Impl::startOf(const SpawnCall &F,
                                   const FunctionDecl *Spawner) {
  if (!F.TypeLevel && (F.Awaited || deferredStart(F.Call)))
    return SpawnStart::Deferred;
  if (!F.TypeLevel && Prof.SpawnStart == SpawnStartKind::Dispatch &&
      !mayRunInLoop(Spawner))
    return SpawnStart::Posted;
  return SpawnStart::Inline;
}

void Analyzer::Impl::findHandles(const SpawnCall &F, SpawnSite &S) {
  if (F.Handle)
    S.Handles.push_back(F.Handle);
  findHandleBinders(F.Call, S.Handles);
  if (F.BoundBy && !llvm::is_contained(S.Handles, F.BoundBy))
    S.Handles.push_back(F.BoundBy);
  // A cancellation source handed to the coroutine (`flush(abort_source&)`)
  // cancels it.
  if (S.SpawnedCall)
    for (const Expr *Arg : S.SpawnedCall->arguments())
      if (auto B = baseOf(Arg); B && cancellable(Arg->getType()) &&
                                !llvm::is_contained(S.Handles, B->Decl))
        S.Handles.push_back(B->Decl);
}

const Stmt *Analyzer::Impl::handleDestroyedInWindow(const SpawnCall &F,
                                                    const SpawnSite &S,
                                                    const Stmt *Body,
                                                    bool WindowMayFinish) {
  if (!F.Handle)
    return nullptr;
  if (cancelsOnDestroy(F.Call->getType()))
    for (const Stmt *E : S.Window)
      if (destroysHandle(E, S.Handles))
        return E;
  if (!F.Handle->hasLocalStorage() || !cancelsOnDestroy(F.Handle->getType()))
    return nullptr;
  for (const Stmt *E : S.Window)
    if (isa<ReturnStmt, CoreturnStmt>(E))
      return E;
  if (const Stmt *Exit = loopExitBefore(Body, F.Call, S.WindowEnds))
    return Exit;
  return WindowMayFinish ? Body : nullptr;
}

void Analyzer::Impl::addDirectUse(const SpawnCall &F, SpawnSite &S) {
  auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(F.DirectUse);
  if (!MC)
    return;
  const CXXMethodDecl *MD = MC->getMethodDecl();
  CallOfInterest C;
  C.Call = MC;
  C.Name = MD ? MD->getQualifiedNameAsString() : "";
  if (Cancel.matches(MD))
    C.Kind = CallOfInterest::Cancel;
  else if (StateQuery.matches(MD))
    C.Kind = CallOfInterest::StateQuery;
  else
    return;
  S.WindowCalls.insert(S.WindowCalls.begin(), C);
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
  SpawnCallFinder Finder(*this);
  Finder.run(Body);
  llvm::erase_if(Finder.Calls, [&](const SpawnCall &F) {
    // `co_await f()` of an eager coroutine: the awaiter waits at once.
    return explicitlyLazy(F.Call) || (F.TypeLevel && F.Awaited);
  });
  if (Finder.Calls.empty())
    return Sites;
  FunctionInfo *FI = info(FD);
  if (!FI)
    return Sites;

  for (const SpawnCall &F : Finder.Calls) {
    SpawnSite S;
    S.Call = F.Call;
    S.Statement = F.Statement;
    S.Spawner = FD;
    S.SpawnerIsCoroutine = IsCoroutine;
    S.TypeLevel = F.TypeLevel;
    if (F.TypeLevel) {
      S.SpawnedExpr = F.Call;
      S.Spawned = coroutineDefinition(F.Call->getDirectCallee());
      S.SpawnedDecl = F.Call->getDirectCallee();
      S.SpawnedCall = F.Call;
    } else {
      ResolvedCoroutine R = resolveSpawned(F.Call);
      S.SpawnedExpr = R.SpawnedExpr;
      S.Spawned = R.Spawned;
      S.SpawnedDecl = R.Declared;
      S.SpawnedCall = R.SpawnedCall;
    }
    // Where the first step runs: the profile's semantics, then the context.
    S.Start = startOf(F, FD);
    if (S.Start != SpawnStart::Inline) {
      Sites.push_back(std::move(S));
      continue;
    }
    findHandles(F, S);
    // A discarded handle that cancels on destruction, or a discarded task
    // of a type analysed as eager only because it is flipped: lazily it
    // would never have run.
    if (F.Discarded && (cancelsOnDestroy(F.Call->getType()) ||
                        (F.TypeLevel && flippedType(F.Call->getType()))))
      S.HandleDestroyed = F.Call;
    PrefixSummary Window;
    // An eager task handed straight to another call (`gather(f(), g())`)
    // is where a lazy one would have started too.
    if (!(F.TypeLevel && F.Argument && !F.BoundBy))
      walkWindow(*FI, F.Call, S.Handles, Window, S.Window,
                 /*StopAtHandOff=*/F.TypeLevel,
                 loopKeptRunning(Body, F.Call, S.Spawned));
    S.WindowAccesses = std::move(Window.Accesses);
    S.WindowCalls = std::move(Window.Calls);
    S.WindowEnds = std::move(Window.FirstSuspensions);
    if (!S.HandleDestroyed)
      S.HandleDestroyed = handleDestroyedInWindow(
          F, S, Body, Window.MayFinishWithoutSuspending);
    // `create_task(f()).cancel()`: the call itself is the first use.
    addDirectUse(F, S);
    if (!IsCoroutine)
      callerWindows(S);
    Sites.push_back(std::move(S));
  }
  return Sites;
}

//===----------------------------------------------------------------------===//
// Callers: where a spawner that is not a coroutine runs, and where its
// window goes on
//===----------------------------------------------------------------------===//

llvm::ArrayRef<Analyzer::Impl::CallerRef>
Analyzer::Impl::callersOf(const FunctionDecl *FD) {
  if (!Callers) {
    Callers.emplace();
    for (const FunctionDecl *Caller : functions()) {
      const Stmt *Body = Caller->getBody();
      if (auto *CB = dyn_cast_or_null<CoroutineBodyStmt>(Body))
        Body = CB->getBody();
      forEachStmtOutsideLambdas(Body, [&](const Stmt *S) {
        if (auto *Call = dyn_cast<CallExpr>(S))
          if (const FunctionDecl *Callee = Call->getDirectCallee())
            (*Callers)[Callee->getCanonicalDecl()].push_back({Caller, Call});
      });
    }
  }
  auto It = Callers->find(FD->getCanonicalDecl());
  if (It == Callers->end())
    return {};
  return It->second;
}

bool Analyzer::Impl::startsLoop(const FunctionDecl *FD) {
  if (FD->isMain() || isa<CXXConstructorDecl, CXXDestructorDecl>(FD))
    return true;
  // Test fixtures' set-up and test bodies a macro wrote run before the loop.
  if (FD->getLocation().isMacroID())
    return true;
  if (FD->getIdentifier() &&
      llvm::is_contained({"SetUp", "TearDown", "SetUpTestSuite",
                          "TearDownTestSuite"},
                         FD->getName()))
    return true;
  bool Runs = false;
  const Stmt *Body = FD->getBody();
  forEachStmtOutsideLambdas(Body, [&](const Stmt *S) {
    auto *MC = dyn_cast<CXXMemberCallExpr>(S);
    const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
    if (MD && MD->getIdentifier() && unshared(MC->getObjectType()) &&
        llvm::is_contained({"run", "run_one", "run_for", "run_until", "poll",
                            "poll_one", "run_until_complete"},
                           MD->getName()))
      Runs = true;
  });
  return Runs;
}

bool Analyzer::Impl::mayRunInLoop(const FunctionDecl *FD) {
  llvm::SmallVector<const FunctionDecl *, 8> Work{FD};
  llvm::DenseSet<const FunctionDecl *> Seen{FD};
  while (!Work.empty()) {
    const FunctionDecl *F = Work.pop_back_val();
    if (coroutineDefinition(F) == F)
      return true;
    if (startsLoop(F))
      continue;
    // A function not called in this translation unit (a completion handler,
    // a method called by another file's coroutine) may run in the loop.
    llvm::ArrayRef<CallerRef> Cs = callersOf(F);
    if (Cs.empty())
      return true;
    for (const CallerRef &C : Cs)
      if (Seen.insert(C.Caller).second)
        Work.push_back(C.Caller);
  }
  return false;
}

void Analyzer::Impl::callerWindows(SpawnSite &S) {
  struct Item {
    const FunctionDecl *Function;
    llvm::SmallVector<const CallExpr *, 2> Calls;
  };
  llvm::SmallVector<Item, 8> Work{{S.Spawner, {}}};
  llvm::DenseSet<const FunctionDecl *> Seen{S.Spawner};
  bool Dispatch = Prof.SpawnStart == SpawnStartKind::Dispatch;
  while (!Work.empty()) {
    Item It = Work.pop_back_val();
    if (It.Calls.size() >= 4)
      continue;
    for (const CallerRef &C : callersOf(It.Function)) {
      if (!Seen.insert(C.Caller).second)
        continue;
      FunctionInfo *FI = info(C.Caller);
      if (!FI)
        continue;
      // `co_await forward(...)` of a function returning the task: the
      // awaiter waits for it.
      if (S.TypeLevel && isAwaitedOperand(C.Call))
        continue;
      // Under dispatch only callers running inside the loop start the task
      // inline.
      if (Dispatch && !mayRunInLoop(C.Caller))
        continue;
      WindowSegment Seg;
      Seg.Calls = It.Calls;
      Seg.Calls.push_back(C.Call);
      Seg.Function = C.Caller;
      Seg.IsCoroutine = FI->IsCoroutine;
      Seg.Statement = statementOf(C.Caller->getBody(), C.Call);
      llvm::SmallVector<const ValueDecl *, 2> Handles;
      PrefixSummary Out;
      std::vector<const Stmt *> Elements;
      walkWindow(*FI, C.Call, Handles, Out, Elements, /*StopAtHandOff=*/false);
      Seg.Accesses = std::move(Out.Accesses);
      Seg.CallsOfInterest = std::move(Out.Calls);
      bool Continues = Out.MayFinishWithoutSuspending && !FI->IsCoroutine;
      S.CallerWindows.push_back(std::move(Seg));
      if (Continues)
        Work.push_back({C.Caller, S.CallerWindows.back().Calls});
    }
  }
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

llvm::ArrayRef<const FunctionDecl *> Analyzer::Impl::functions() {
  if (!Functions) {
    FunctionCollector Collector(Ctx.getSourceManager());
    Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
    llvm::DenseSet<const FunctionDecl *> Done;
    Functions.emplace();
    for (const FunctionDecl *FD : Collector.Functions)
      if (Done.insert(FD).second)
        Functions->push_back(FD);
  }
  return *Functions;
}

llvm::ArrayRef<SpawnSite> Analyzer::Impl::spawnSites() {
  if (Sites)
    return *Sites;
  Sites.emplace();
  for (const FunctionDecl *FD : functions())
    for (SpawnSite &S : spawnSitesIn(FD))
      Sites->push_back(std::move(S));
  return *Sites;
}

} // namespace eagerlint::analysis
