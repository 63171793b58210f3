//===- Profile.h - API profiles: what spawns, cancels, times out -*- C++ -*-===//
#ifndef EAGERLINT_ANALYSIS_PROFILE_H
#define EAGERLINT_ANALYSIS_PROFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace eagerlint::analysis {

/// The shared check options (docs/design.md) as a user sets them: lists add
/// to the named profile, an empty yield statement, header or semantic option
/// keeps the profile's.
struct ProfileOptions {
  std::string Profile = "reference";
  std::string SpawnFunctions, CancelFunctions, StateQueryFunctions,
      TimeoutFunctions, AmbientTaskFunctions, NeverSuspendingAwaitables;
  std::string YieldStatement, YieldHeader;
  /// `queued`, `inline` or `dispatch`; empty keeps the profile's.
  std::string SpawnStart;
  /// `creator` or `child`; empty keeps the profile's.
  std::string PrefixIdentity;
  /// `;`-separated coroutine return types analysed as starting eagerly.
  std::string EagerTypes;
  /// `;`-separated qualified names added to the Profile lists of the same
  /// name.
  std::string HandleBinders, LazyStartArguments, DeferredStartTypes,
      CancelOnDestroyTypes, UnsharedTypes;
  /// `;`-separated patterns of functions that only read their object.
  std::string ReadOnlyFunctions;
};

/// A yield statement for the code of one namespace of a profile's runtime
/// (Boost.Asio next to standalone Asio): a fix-it uses the one whose
/// namespace the spawn function or the coroutine's return type is in.
struct YieldVariant {
  std::string Namespace; ///< "::boost::asio::"
  std::string Statement;
  std::string Header;
};

/// What a spawn call does with the child (today, or after the planned flip).
enum class SpawnStartKind {
  /// Deferred today; findings say what breaks when it becomes inline.
  Queued,
  /// Always runs the child on the caller's stack to its first suspension.
  Inline,
  /// Inline only when the spawner already runs on the target executor:
  /// a spawn from code that never runs inside the event loop posts.
  Dispatch,
};

/// The option value naming \p K: "queued", "inline" or "dispatch".
llvm::StringRef spawnStartName(SpawnStartKind K);

/// Whose identity (current task, cancellation state) the eager prefix runs
/// under.
enum class PrefixIdentityKind {
  /// The spawner's: timeouts and ambient-task queries in the prefix bind to
  /// the creator (the reference runtime, asynkit).
  Creator,
  /// The child's own, created before its first step (Asio, CPython, Cobalt):
  /// timeout-in-prefix and current-task-in-prefix do not apply.
  Child,
};

/// The option value naming \p K: "creator" or "child".
llvm::StringRef prefixIdentityName(PrefixIdentityKind K);

/// The names an analysis needs to recognise a runtime's spawn, cancel, state,
/// timeout and ambient-task APIs (docs/design.md §4). Every list holds fully
/// qualified names; a member function is named through its class
/// (`ns::task_handle::cancel`), a class or variable by its own name.
struct Profile {
  std::string Name;
  /// Calls that start a task from a coroutine expression argument.
  std::vector<std::string> SpawnFunctions;
  /// Calls on a handle (or on the object bound into the spawn call, such as
  /// Asio's `cancellation_signal`) that cancel the spawned task.
  std::vector<std::string> CancelFunctions;
  /// Calls on a handle that observe its state (`done`, `result`, ...).
  std::vector<std::string> StateQueryFunctions;
  /// Functions (or variables) that enter a timeout / cancel scope bound to
  /// the current task.
  std::vector<std::string> TimeoutFunctions;
  /// Functions (or variables) that observe the running task.
  std::vector<std::string> AmbientTaskFunctions;
  /// Awaitable types whose co_await never suspends.
  std::vector<std::string> NeverSuspendingAwaitables;
  /// Calls in a spawn call's arguments whose object is the spawned task's
  /// cancellation handle (Asio: `cancellation_signal::slot`).
  std::vector<std::string> HandleBinders;
  /// Arguments that make a spawn call start its task lazily whatever the
  /// default (a per-call override such as `start_policy::lazy`): such spawns
  /// do not change when the default flips.
  std::vector<std::string> LazyStartArguments;
  /// Spawn calls whose result or completion token has one of these types do
  /// not start the task at the call: it starts when the result is awaited or
  /// launched (Asio's `use_awaitable`, `deferred`).
  std::vector<std::string> DeferredStartTypes;
  /// Handle types whose destruction cancels the task (Asio's
  /// `experimental::promise`, KJ's `Promise`): discarding one, or leaving
  /// its scope, in the spawn window cancels a task that has not started.
  std::vector<std::string> CancelOnDestroyTypes;
  /// Types whose member calls touch no state the spawned task shares in a
  /// way the start policy reorders (event loops, executors); added to the
  /// standard library's synchronisation types, which every profile knows.
  std::vector<std::string> UnsharedTypes;
  /// Text a fix-it inserts to force a suspension.
  std::string YieldStatement;
  /// Header that declares what YieldStatement uses.
  std::string YieldHeader;
  /// Yields for code in other namespaces of the same runtime; ignored once
  /// the user configures YieldStatement.
  std::vector<YieldVariant> YieldVariants;
  /// What a spawn call does with the child.
  SpawnStartKind SpawnStart = SpawnStartKind::Queued;
  /// Whose identity the eager prefix runs under.
  PrefixIdentityKind PrefixIdentity = PrefixIdentityKind::Creator;
  /// Qualified coroutine return types that start eagerly: the call creating
  /// such a coroutine is the spawn and its result the handle. Types whose
  /// initial_suspend never suspends are eager without being named here.
  std::vector<std::string> EagerTypes;
  /// Functions that only read their object and their reference arguments
  /// when called, though not declared const, as qualified-name patterns
  /// with `*` wildcards: Asio's initiating functions (`async_*`: the I/O
  /// object queues the operation itself, so two of them never conflict;
  /// closing or reassigning the object still does) and `get_executor`.
  std::vector<std::string> ReadOnlyFunctions;

  /// The built-in profile called \p Name, or an error naming the known ones.
  static llvm::Expected<Profile> builtin(llvm::StringRef Name);
  /// Names of the built-in profiles, in a stable order.
  static llvm::ArrayRef<llvm::StringRef> builtinNames();

  /// The built-in profile \p O names with \p O's additions, or an error
  /// in one line: an unknown profile (naming the known ones), an unknown
  /// SpawnStart or PrefixIdentity, a list entry that is no qualified name.
  static llvm::Expected<Profile> configured(const ProfileOptions &O);

  /// A string that differs between two profiles exactly when an analysis
  /// with them can differ.
  std::string fingerprint() const;

  /// Appends the `;`-separated qualified names of \p List to \p Into,
  /// skipping empty items and duplicates.
  static void addNames(std::vector<std::string> &Into, llvm::StringRef List);
};

} // namespace eagerlint::analysis

#endif
