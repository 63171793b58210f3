//===- Model.h - Plain data the analysis returns ----------------*- C++ -*-===//
#ifndef EAGERLINT_ANALYSIS_MODEL_H
#define EAGERLINT_ANALYSIS_MODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace eagerlint::analysis {

/// How a coroutine type starts: from its implicit initial suspend.
enum class StartPolicy { Lazy, Eager, Unknown };

/// Whether a co_await / co_yield can suspend.
enum class SuspendKind { Never, May };

struct SuspensionPoint {
  const clang::Expr *Expr = nullptr; ///< CoawaitExpr, CoyieldExpr or dependent.
  SuspendKind Kind = SuspendKind::May;
};

/// Something both the spawner and the spawned coroutine can name, after the
/// spawned side is mapped into the spawner's terms.
struct Entity {
  enum KindTy { Variable, Field };
  KindTy Kind = Variable;
  /// A VarDecl (global, static, local, parameter) or a FieldDecl reached
  /// through `this`.
  const clang::ValueDecl *Decl = nullptr;
  /// For a Variable of class type: the field of it that is touched, when
  /// known; null means the whole object.
  const clang::FieldDecl *Member = nullptr;
  friend bool operator==(const Entity &A, const Entity &B) {
    return A.Kind == B.Kind && A.Decl == B.Decl && A.Member == B.Member;
  }
  /// Whether the two may designate overlapping storage.
  bool overlaps(const Entity &O) const {
    return Kind == O.Kind && Decl == O.Decl &&
           (!Member || !O.Member || Member == O.Member);
  }
};

enum class AccessKind { Read, Write };

struct Access {
  Entity Target;
  AccessKind Kind = AccessKind::Read;
  /// The expression that performs the access (for notes).
  const clang::Expr *Where = nullptr;
  /// The access goes through a pointer held in Target (`*p`, `p->x`).
  bool ThroughPointer = false;
};

/// A call the checks care about: a timeout entry, an ambient-task query, a
/// spawn, a cancel or a state query.
struct CallOfInterest {
  enum KindTy { Timeout, AmbientTask, Spawn, Cancel, StateQuery };
  KindTy Kind = Timeout;
  const clang::Expr *Call = nullptr; ///< CallExpr or DeclRefExpr (Asio tags).
  std::string Name;                  ///< Qualified name it matched.
  /// For Spawn: the coroutine it starts, when resolved.
  const clang::FunctionDecl *Spawned = nullptr;
};

/// What a function does from its entry up to its first suspension point,
/// following inline-awaited coroutines with visible bodies.
struct PrefixSummary {
  const clang::FunctionDecl *Function = nullptr;
  /// Statements and expressions of this function's own body that may run
  /// before the first suspension (CFG elements, in visiting order).
  std::vector<const clang::Stmt *> Elements;
  /// The suspension points where the prefix ends (may be several paths).
  std::vector<SuspensionPoint> FirstSuspensions;
  /// True if some path reaches the end of the body without suspending.
  bool MayFinishWithoutSuspending = false;
  /// Accesses in the prefix, callees' included, in this function's terms:
  /// parameters and fields via `this` remain as they are here.
  std::vector<Access> Accesses;
  /// Calls of interest in the prefix, callees' included.
  std::vector<CallOfInterest> Calls;
};

/// Where a spawned task's first step runs, as the profile's semantics and the
/// spawner's context decide.
enum class SpawnStart {
  /// On the spawner's stack before the spawn returns (eager, or lazy today
  /// and inline after the flip being planned).
  Inline,
  /// Posted: the spawner cannot be running inside the event loop (a
  /// dispatching spawn from `main` or set-up code).
  Posted,
  /// Only when the returned object is awaited or launched (`use_awaitable`,
  /// `deferred`): the call starts nothing.
  Deferred,
};

/// A stretch of a caller of a spawner that is not a coroutine: the spawn
/// window goes on there after the call returns, up to the caller's next
/// suspension point.
struct WindowSegment {
  /// The calls from the spawner outwards: Calls[0] calls the spawner,
  /// Calls[N] calls the function holding Calls[N-1]; this segment follows
  /// the last one.
  llvm::SmallVector<const clang::CallExpr *, 2> Calls;
  const clang::FunctionDecl *Function = nullptr;
  bool IsCoroutine = false;
  /// The statement of Function's body that holds the last call.
  const clang::Stmt *Statement = nullptr;
  std::vector<Access> Accesses;
  std::vector<CallOfInterest> CallsOfInterest;
};

/// One spawn call and the hazards around it.
struct SpawnSite {
  const clang::CallExpr *Call = nullptr;
  /// Statement of the enclosing block that holds the call (fix-its go after
  /// it).
  const clang::Stmt *Statement = nullptr;
  const clang::FunctionDecl *Spawner = nullptr;
  bool SpawnerIsCoroutine = false;
  /// The call itself starts an eagerly starting coroutine (a type-level
  /// eager start): it is the spawn and its result the handle.
  bool TypeLevel = false;
  SpawnStart Start = SpawnStart::Inline;
  /// The task's handle is destroyed (and so the task cancelled) in the
  /// window: a discarded result, or a handle leaving scope.
  const clang::Stmt *HandleDestroyed = nullptr;
  /// The coroutine expression handed to the spawn function.
  const clang::Expr *SpawnedExpr = nullptr;
  /// The coroutine that will run, if resolved to a visible definition.
  const clang::FunctionDecl *Spawned = nullptr;
  /// The function whose call creates the spawned coroutine, even when only
  /// its declaration is visible (to name it across translation units).
  const clang::FunctionDecl *SpawnedDecl = nullptr;
  /// The call that creates the coroutine frame (maps parameters to
  /// arguments); null when a callable object is passed.
  const clang::CallExpr *SpawnedCall = nullptr;
  /// Variables and fields that refer to the task's handle (result variable,
  /// copies, objects or containers of them bound into the spawn call).
  llvm::SmallVector<const clang::ValueDecl *, 2> Handles;
  /// What may run in the spawner after the call and before its next
  /// suspension point.
  std::vector<const clang::Stmt *> Window;
  std::vector<Access> WindowAccesses;
  std::vector<CallOfInterest> WindowCalls;
  /// The suspension points that end the window.
  std::vector<SuspensionPoint> WindowEnds;
  /// Where the window goes on in the callers when the spawner is not a
  /// coroutine.
  std::vector<WindowSegment> CallerWindows;
};

enum class CheckKind {
#define EAGERLINT_CHECK(KIND, NAME, CLASS, SHORT, FULL, FIX) KIND,
#include "eagerlint/analysis/Checks.def"
};
constexpr unsigned NumCheckKinds = 0
#define EAGERLINT_CHECK(KIND, NAME, CLASS, SHORT, FULL, FIX) +1
#include "eagerlint/analysis/Checks.def"
    ;

/// "eager-cancel-before-start" and so on.
llvm::StringRef checkName(CheckKind K);
/// The inverse of checkName, accepting names with or without "eager-".
std::optional<CheckKind> checkKindFromName(llvm::StringRef Name);

struct Note {
  clang::SourceLocation Loc;
  std::string Message;
};

/// A text insertion that forces a suspension.
struct Insertion {
  clang::SourceLocation Loc; ///< Insert before this location.
  std::string Text;
  /// The header that declares what Text uses.
  std::string Header;
};

struct Finding {
  CheckKind Kind;
  clang::SourceLocation Loc;
  std::string Message;
  std::vector<Note> Notes;
  std::optional<Insertion> Fix;
  /// Further insertions of the same fix-it (for a cancel followed by another
  /// spawn in the same turn: a yield after the cancel too, so the cancelled
  /// task unwinds before the next task starts under either policy).
  std::vector<Insertion> FollowUp;
  /// Where the fix's header (Fix->Header) must be included: the file the
  /// fix edits.
  clang::FileID FixFile;
  /// Why there is no fix-it (empty when there is one, or when another
  /// finding carries the shared fix): a note, never part of Message, so
  /// baseline fingerprints do not change when a fix-it appears.
  std::string NoFixReason;
  /// Set when the finding holds only if the coroutine with this USR is
  /// spawned somewhere in the project (see Analyzer::Options).
  std::string RequiresSpawnOf;
};

} // namespace eagerlint::analysis

#endif
