//===- AnalyzerImpl.h - Internals shared by the analysis sources -*- C++ -*-===//
#ifndef EAGERLINT_ANALYSIS_ANALYZERIMPL_H
#define EAGERLINT_ANALYSIS_ANALYZERIMPL_H

#include "eagerlint/analysis/Analyzer.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchersInternal.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/GlobPattern.h"
#include <optional>

namespace eagerlint::analysis {

/// A list of qualified names, matched like clang-tidy's `hasName`, with a
/// cheap pre-filter on the last name component.
class NameSet {
public:
  explicit NameSet(const std::vector<std::string> &Names);
  bool matches(const clang::NamedDecl *D) const;

private:
  std::optional<clang::ast_matchers::internal::HasNameMatcher> Matcher;
  llvm::StringSet<> LastComponents;
  /// The names without a leading "::", for what Matcher cannot match.
  llvm::StringSet<> FullNames;
};

/// Qualified-name patterns with `*` wildcards (`::asio::*::async_*`),
/// pre-filtered on the declaration's own name.
class NamePatterns {
public:
  explicit NamePatterns(const std::vector<std::string> &Patterns);
  bool matches(const clang::NamedDecl *D) const;

private:
  std::vector<llvm::GlobPattern> Whole, Last;
};

/// The variable or field an lvalue expression designates.
struct BaseRef {
  const clang::ValueDecl *Decl;
  Entity::KindTy Kind;
  bool ThroughPointer;
  /// The field of a Variable that the expression designates, if any.
  const clang::FieldDecl *Member = nullptr;
};
std::optional<BaseRef> baseOf(const clang::Expr *E);
/// A member of a standard library type that hands out (part of) its object
/// without changing it: `front()`, `operator->`, `find()`, ...
bool isStdAccessor(const clang::CXXMethodDecl *MD);
/// Strips parentheses, implicit casts, temporaries and copy/move
/// constructions.
const clang::Expr *stripWrappers(const clang::Expr *E);
/// The coroutine body of \p FD's own declaration, if it has one.
const clang::CoroutineBodyStmt *coroutineBody(const clang::FunctionDecl *FD);
/// The definition of \p FD if it is a coroutine with a visible body.
const clang::FunctionDecl *coroutineDefinition(const clang::FunctionDecl *FD);
bool isLambdaCallOperator(const clang::FunctionDecl *FD);
/// True if calling \p FD creates a coroutine frame.
bool createsCoroutine(const clang::FunctionDecl *FD);
const clang::Expr *implicitObject(const clang::CallExpr *Call);
unsigned argumentOffset(const clang::CallExpr *Call);
/// Calls \p F on \p S and every statement below it.
void forEachStmt(const clang::Stmt *S,
                 llvm::function_ref<void(const clang::Stmt *)> F);
/// Like forEachStmt, without entering lambda bodies (functions of their own).
void forEachStmtOutsideLambdas(const clang::Stmt *S,
                               llvm::function_ref<void(const clang::Stmt *)> F);
/// The innermost loop of \p Body that holds \p Target, if any.
const clang::Stmt *enclosingLoop(const clang::Stmt *Body,
                                 const clang::Stmt *Target);
/// The innermost loop of \p Body holding \p Target whose condition is
/// known to hold at \p Target (tested or guarded by `if (!cond) return;`
/// with no suspension in between), and that condition; nulls otherwise.
std::pair<const clang::Stmt *, const clang::Expr *>
loopConditionHeldAt(const clang::Stmt *Body, const clang::Stmt *Target,
                    const clang::ASTContext &Ctx);
/// The statement of a compound statement in \p Body that holds \p Target.
const clang::Stmt *statementOf(const clang::Stmt *Body,
                               const clang::Stmt *Target);
/// \p Names plus the standard library's synchronisation types.
std::vector<std::string> withStandardUnsharedTypes(std::vector<std::string> Names);

struct FunctionInfo {
  std::unique_ptr<clang::CFG> Cfg;
  /// Elements that belong to co_await machinery, not to user code.
  llvm::DenseSet<const clang::Stmt *> Internal;
  /// Where each element sits in the CFG.
  llvm::DenseMap<const clang::Stmt *, std::pair<const clang::CFGBlock *, unsigned>>
      Positions;
  bool IsCoroutine = false;
  /// The body the CFG was built from (a coroutine's user-written body).
  const clang::Stmt *Body = nullptr;
};

struct InlineCall {
  const clang::FunctionDecl *Callee;
  const clang::CallExpr *Call;
};

struct ResolvedCoroutine {
  const clang::Expr *SpawnedExpr = nullptr;
  const clang::FunctionDecl *Spawned = nullptr;
  const clang::FunctionDecl *Declared = nullptr;
  const clang::CallExpr *SpawnedCall = nullptr;
};

/// The analysis of one translation unit: the segment walker (prefixes and
/// windows, Segments.cpp), the access collector (Accesses.cpp) and the
/// spawn-site finder (SpawnSites.cpp). Each fact is computed on first use
/// and memoized. The diagnoser reads the facts through Facts (Diagnoser.h).
class Analyzer::Impl {
public:
  Impl(clang::ASTContext &Ctx, Profile P, Options O);

  const clang::ASTContext &context() const { return Ctx; }
  const Profile &profile() const { return Prof; }
  const Options &options() const { return Opts; }

  /// Function bodies outside system headers, each once (collected once).
  llvm::ArrayRef<const clang::FunctionDecl *> functions();
  llvm::ArrayRef<SpawnSite> spawnSites();
  std::vector<SpawnSite> spawnSitesIn(const clang::FunctionDecl *FD);
  const PrefixSummary &prefix(const clang::FunctionDecl *FD);
  SuspendKind classify(const clang::Expr *E) const;
  StartPolicy startPolicy(const clang::FunctionDecl *FD) const;
  /// Start policy of coroutines returning \p T, from its promise type.
  StartPolicy typeStartPolicy(clang::QualType T) const;
  bool mapIntoCaller(const clang::FunctionDecl *Callee,
                     const clang::CallExpr *Call, Access &A) const;
  /// True if \p C is made on the handle of \p S.
  bool usesHandle(const SpawnSite &S, const CallOfInterest &C) const;
  /// Whether results of type \p T are analysed as starting eagerly only
  /// because the profile names the type (EagerTypes): discarding one is then
  /// a hazard, as it is for a handle that cancels on destruction.
  bool flippedType(clang::QualType T) const;

private:
  //===--- Profile names, policies and the segment walker (Segments.cpp) -===//

  clang::ASTContext &Ctx;
  Profile Prof;
  Options Opts;
  NameSet Spawn, Cancel, StateQuery, Timeout, Ambient, NeverSuspend, Binders,
      LazyStart, DeferredStart, CancelOnDestroy, Unshared, EagerTypes;
  NamePatterns ReadOnlyCalls;
  /// A spawn call that names its task's start policy lazy explicitly.
  bool explicitlyLazy(const clang::CallExpr *Call) const;
  /// A spawn call that starts its task only when its result is awaited or
  /// launched.
  bool deferredStart(const clang::CallExpr *Call) const;
  /// Whether calling \p FD starts a coroutine eagerly: its type's
  /// initial_suspend never suspends, or the profile flips its type.
  bool isEagerStart(const clang::FunctionDecl *FD) const;
  bool cancelsOnDestroy(clang::QualType T) const;
  /// Whether operations on an object of type \p T are no state access.
  bool unshared(clang::QualType T) const;
  /// The call of an eager coroutine that \p E is the operand of a co_await.
  bool isAwaitedOperand(const clang::Expr *E) const {
    return AwaitedOperands.contains(E);
  }
  FunctionInfo *info(const clang::FunctionDecl *FD);
  /// Visits CFG elements from (Start, Index) on every path until
  /// \p OnElement returns false; true if some path reaches the exit.
  /// \p KeepLooping: a loop whose false edge is not taken (its condition
  /// cannot have changed since it held).
  bool walk(const FunctionInfo &FI, const clang::CFGBlock *Start,
            unsigned Index,
            llvm::function_ref<bool(const clang::Stmt *)> OnElement,
            const clang::Stmt *KeepLooping = nullptr);
  bool step(const clang::Stmt *S, PrefixSummary &Out,
            std::vector<const clang::Stmt *> &Elements);
  std::optional<InlineCall>
  inlineAwaited(const clang::CoroutineSuspendExpr *SE);
  void fold(PrefixSummary &Into, const PrefixSummary &Callee,
            const clang::CallExpr *Call);
  static void addAccess(std::vector<Access> &Into, const Access &A);

  llvm::DenseSet<const clang::Expr *> AwaitedOperands;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionInfo>>
      Infos;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<PrefixSummary>>
      Prefixes;
  /// Functions whose prefix is being computed, outermost first.
  llvm::SmallVector<const clang::FunctionDecl *, 8> Stack;
  /// The lowest Stack index a recursive query ran into.
  unsigned LowestCycleEntry = ~0u;
  /// Partial summaries of functions inside a recursion cycle.
  std::vector<std::unique_ptr<PrefixSummary>> Transient;

  //===--- The access collector (Accesses.cpp) ----------------------------===//

  void addAccessOf(const clang::Expr *E, AccessKind K, const clang::Expr *Where,
                   std::vector<Access> &Out);
  std::optional<llvm::SmallVector<AccessKind, 4>>
  forwardedAccesses(const clang::CXXRecordDecl *RD,
                    llvm::ArrayRef<const clang::Expr *> Args);
  void argumentAccesses(const clang::FunctionDecl *FD,
                        llvm::ArrayRef<const clang::Expr *> Args,
                        const clang::Expr *Where, std::vector<Access> &Out);
  void collectAccesses(const clang::Stmt *S, std::vector<Access> &Out);
  void collectCalls(const clang::Stmt *S, std::vector<CallOfInterest> &Out);
  /// The fields of `this` a method reads and writes, if it touches its
  /// object only through them (memoized).
  const std::optional<std::vector<Access>> &
  fieldSummary(const clang::CXXMethodDecl *MD);
  llvm::DenseMap<const clang::CXXMethodDecl *,
                 std::optional<std::vector<Access>>>
      FieldSummaries;
  /// Which reference parameters of \p FD its visible body may write
  /// (memoized); null when the body is not visible.
  const llvm::SmallVector<bool, 4> *writtenParams(const clang::FunctionDecl *FD);
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::optional<llvm::SmallVector<bool, 4>>>
      WrittenParams;

  //===--- The spawn-site finder (SpawnSites.cpp) -------------------------===//

  /// A spawn call and what surrounds it, as SpawnCallFinder finds it.
  struct SpawnCall;
  class SpawnCallFinder;
  /// Where the task of \p F, spawned in \p Spawner, takes its first step.
  SpawnStart startOf(const SpawnCall &F, const clang::FunctionDecl *Spawner);
  /// Variables and fields that refer to the task's handle or cancel it.
  void findHandles(const SpawnCall &F, SpawnSite &S);
  /// Where the window destroys the handle of \p F, which cancels on
  /// destruction: a call that destroys it (`p.reset()`), or for a local
  /// handle a return, a `continue` / `break` or the end of \p Body.
  const clang::Stmt *handleDestroyedInWindow(const SpawnCall &F,
                                             const SpawnSite &S,
                                             const clang::Stmt *Body,
                                             bool WindowMayFinish);
  /// A cancel or state query made on the spawn's result itself
  /// (`create_task(f()).cancel()`) is the window's first call.
  void addDirectUse(const SpawnCall &F, SpawnSite &S);
  ResolvedCoroutine resolveSpawned(const clang::CallExpr *SpawnCall);
  ResolvedCoroutine resolveCoroutineExpr(const clang::Expr *E, unsigned Depth);
  llvm::DenseMap<const clang::CallExpr *, ResolvedCoroutine> Resolved;
  /// Whether an object of type \p T has one of the profile's cancel
  /// functions (a cancellation source).
  bool cancellable(clang::QualType T) const;
  void findHandleBinders(const clang::Stmt *S,
                         llvm::SmallVectorImpl<const clang::ValueDecl *> &Out);
  /// Walks the window that starts after \p Pos in \p FI; \p Handles grows
  /// by copies of the handle.
  void walkWindow(const FunctionInfo &FI, const clang::Stmt *From,
                  llvm::SmallVectorImpl<const clang::ValueDecl *> &Handles,
                  PrefixSummary &Out, std::vector<const clang::Stmt *> &Elements,
                  bool StopAtHandOff, const clang::Stmt *KeepLooping = nullptr);
  /// The loop holding the spawn \p Call whose exit the window cannot take:
  /// its condition held at the spawn, and neither the loop nor the spawned
  /// coroutine's prefix writes what the condition reads.
  const clang::Stmt *loopKeptRunning(const clang::Stmt *Body,
                                     const clang::CallExpr *Call,
                                     const clang::FunctionDecl *Spawned);
  /// The callers of a function in this translation unit (built on demand).
  struct CallerRef {
    const clang::FunctionDecl *Caller;
    const clang::CallExpr *Call;
  };
  llvm::ArrayRef<CallerRef> callersOf(const clang::FunctionDecl *FD);
  std::optional<llvm::DenseMap<const clang::FunctionDecl *,
                               llvm::SmallVector<CallerRef, 2>>>
      Callers;
  void callerWindows(SpawnSite &S);
  /// A `continue` or `break` that takes the handle of the spawn \p Call out
  /// of scope before the window's first suspension.
  const clang::Stmt *loopExitBefore(const clang::Stmt *Body,
                                    const clang::CallExpr *Call,
                                    llvm::ArrayRef<SuspensionPoint> Ends);
  /// Functions that start the event loop or only set things up for it.
  bool startsLoop(const clang::FunctionDecl *FD);
  /// Where the spawner of a dispatching spawn can run: true if it is a
  /// coroutine or may be called from one (or is a completion handler).
  bool mayRunInLoop(const clang::FunctionDecl *FD);
  std::optional<std::vector<SpawnSite>> Sites;
  std::optional<std::vector<const clang::FunctionDecl *>> Functions;
};

} // namespace eagerlint::analysis

#endif
