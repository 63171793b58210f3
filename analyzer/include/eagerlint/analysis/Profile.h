//===- Profile.h - API profiles: what spawns, cancels, times out -*- C++ -*-===//
#ifndef EAGERLINT_ANALYSIS_PROFILE_H
#define EAGERLINT_ANALYSIS_PROFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace eagerlint::analysis {

/// The shared check options of design §4 as a user sets them: lists add to
/// the named profile, an empty yield statement or header keeps the
/// profile's.
struct ProfileOptions {
  std::string Profile = "reference";
  std::string SpawnFunctions, CancelFunctions, StateQueryFunctions,
      TimeoutFunctions, AmbientTaskFunctions, NeverSuspendingAwaitables;
  std::string YieldStatement, YieldHeader;
};

/// The names an analysis needs to recognise a runtime's spawn, cancel, state,
/// timeout and ambient-task APIs (design §4). Every list holds fully
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
  /// Text a fix-it inserts to force a suspension.
  std::string YieldStatement;
  /// Header that declares what YieldStatement uses.
  std::string YieldHeader;

  /// The built-in profile called \p Name, or an error naming the known ones.
  static llvm::Expected<Profile> builtin(llvm::StringRef Name);
  /// Names of the built-in profiles, in a stable order.
  static llvm::ArrayRef<llvm::StringRef> builtinNames();

  /// The built-in profile \p O names with \p O's additions, or an error
  /// naming the known profiles.
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
