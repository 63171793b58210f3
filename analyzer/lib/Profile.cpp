//===- Profile.cpp - Built-in API profiles --------------------------------===//
#include "eagerlint/analysis/Profile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace eagerlint::analysis {

static Profile referenceProfile() {
  Profile P;
  P.Name = "reference";
  P.SpawnFunctions = {"::eagerlint::rt::create_task",
                      "::eagerlint::rt::event_loop::create_task",
                      "::eagerlint::rt::task_group::create_task"};
  P.CancelFunctions = {"::eagerlint::rt::task_handle::cancel",
                       "::eagerlint::rt::task_ref::cancel"};
  P.StateQueryFunctions = {"::eagerlint::rt::task_handle::done",
                           "::eagerlint::rt::task_handle::cancelled",
                           "::eagerlint::rt::task_handle::result",
                           "::eagerlint::rt::task_ref::done",
                           "::eagerlint::rt::task_ref::cancelled"};
  P.LazyStartArguments = {"::eagerlint::rt::start_policy::lazy"};
  P.TimeoutFunctions = {"::eagerlint::rt::timeout"};
  P.AmbientTaskFunctions = {"::eagerlint::rt::current_task"};
  P.UnsharedTypes = {"::eagerlint::rt::event_loop"};
  P.YieldStatement = "co_await eagerlint::rt::yield_now();";
  P.YieldHeader = "<eagerlint/runtime.hpp>";
  // create_task queues by default; findings say what changes when it runs
  // the task inline, and the prefix runs under the creator's identity.
  P.SpawnStart = SpawnStartKind::Queued;
  P.PrefixIdentity = PrefixIdentityKind::Creator;
  P.EagerTypes = {};
  return P;
}

static Profile asioProfile() {
  Profile P;
  P.Name = "asio";
  P.SpawnFunctions = {"::asio::co_spawn", "::boost::asio::co_spawn"};
  P.CancelFunctions = {"::asio::cancellation_signal::emit",
                       "::boost::asio::cancellation_signal::emit"};
  P.HandleBinders = {"::asio::cancellation_signal::slot",
                     "::boost::asio::cancellation_signal::slot"};
  P.TimeoutFunctions = {
      "::asio::experimental::awaitable_operators::operator||",
      "::boost::asio::experimental::awaitable_operators::operator||",
      "::asio::experimental::make_parallel_group",
      "::boost::asio::experimental::make_parallel_group"};
  P.AmbientTaskFunctions = {
      "::asio::this_coro::cancellation_state",
      "::asio::this_coro::reset_cancellation_state",
      "::asio::this_coro::throw_if_cancelled",
      "::boost::asio::this_coro::cancellation_state",
      "::boost::asio::this_coro::reset_cancellation_state",
      "::boost::asio::this_coro::throw_if_cancelled"};
  // Awaiting these only reads the coroutine's own state.
  P.NeverSuspendingAwaitables = {
      "::asio::this_coro::executor_t",
      "::asio::this_coro::cancellation_state_t",
      "::asio::this_coro::reset_cancellation_state_0_t",
      "::asio::this_coro::reset_cancellation_state_1_t",
      "::asio::this_coro::reset_cancellation_state_2_t",
      "::asio::this_coro::throw_if_cancelled_0_t",
      "::asio::this_coro::throw_if_cancelled_1_t",
      "::boost::asio::this_coro::executor_t",
      "::boost::asio::this_coro::cancellation_state_t"};
  // Both start the task only when the returned awaitable is awaited or the
  // deferred operation is launched.
  P.DeferredStartTypes = {"::asio::awaitable",
                          "::asio::use_awaitable_t",
                          "::asio::experimental::deferred_t",
                          "::boost::asio::awaitable",
                          "::boost::asio::use_awaitable_t",
                          "::boost::asio::deferred_t",
                          "::boost::asio::experimental::deferred_t"};
  P.CancelOnDestroyTypes = {"::asio::experimental::promise",
                            "::boost::asio::experimental::promise"};
  P.CancelFunctions.insert(P.CancelFunctions.end(),
                           {"::asio::experimental::promise::cancel",
                            "::boost::asio::experimental::promise::cancel"});
  P.StateQueryFunctions = {"::asio::experimental::promise::complete",
                           "::boost::asio::experimental::promise::complete"};
  P.UnsharedTypes = {
      "::asio::io_context", "::asio::thread_pool", "::asio::any_io_executor",
      "::asio::strand", "::asio::io_context::strand",
      "::asio::executor_work_guard", "::asio::signal_set",
      "::boost::asio::io_context", "::boost::asio::thread_pool",
      "::boost::asio::any_io_executor", "::boost::asio::strand",
      "::boost::asio::io_context::strand", "::boost::asio::executor_work_guard",
      "::boost::asio::signal_set"};
  P.YieldStatement = "co_await asio::post(co_await asio::this_coro::executor, "
                     "asio::use_awaitable);";
  P.YieldHeader = "<asio.hpp>";
  P.YieldVariants = {{"::boost::asio::",
                      "co_await boost::asio::post(co_await "
                      "boost::asio::this_coro::executor, "
                      "boost::asio::use_awaitable);",
                      "<boost/asio.hpp>"}};
  // co_spawn dispatches its first step (Asio 1.19+): inline from a coroutine
  // on the executor, posted from main or set-up code. It creates the child's
  // awaitable thread and cancellation state before that step.
  P.SpawnStart = SpawnStartKind::Dispatch;
  P.PrefixIdentity = PrefixIdentityKind::Child;
  return P;
}

llvm::ArrayRef<llvm::StringRef> Profile::builtinNames() {
  static const llvm::StringRef Names[] = {"reference", "asio"};
  return Names;
}

llvm::Expected<Profile> Profile::builtin(llvm::StringRef Name) {
  if (Name == "reference")
    return referenceProfile();
  if (Name == "asio")
    return asioProfile();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(), "unknown profile '%s' (known: %s)",
      Name.str().c_str(), llvm::join(builtinNames(), ", ").c_str());
}

llvm::Expected<Profile> Profile::configured(const ProfileOptions &O) {
  llvm::Expected<Profile> P = builtin(O.Profile);
  if (!P)
    return P.takeError();
  addNames(P->SpawnFunctions, O.SpawnFunctions);
  addNames(P->CancelFunctions, O.CancelFunctions);
  addNames(P->StateQueryFunctions, O.StateQueryFunctions);
  addNames(P->TimeoutFunctions, O.TimeoutFunctions);
  addNames(P->AmbientTaskFunctions, O.AmbientTaskFunctions);
  addNames(P->NeverSuspendingAwaitables, O.NeverSuspendingAwaitables);
  if (!llvm::StringRef(O.YieldStatement).trim().empty()) {
    P->YieldStatement = O.YieldStatement;
    P->YieldVariants.clear();
  }
  if (!llvm::StringRef(O.YieldHeader).trim().empty())
    P->YieldHeader = O.YieldHeader;
  addNames(P->EagerTypes, O.EagerTypes);
  llvm::StringRef Start = llvm::StringRef(O.SpawnStart).trim();
  if (Start == "queued")
    P->SpawnStart = SpawnStartKind::Queued;
  else if (Start == "inline")
    P->SpawnStart = SpawnStartKind::Inline;
  else if (Start == "dispatch")
    P->SpawnStart = SpawnStartKind::Dispatch;
  else if (!Start.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "invalid value '%s' for option 'SpawnStart' (expected queued, inline "
        "or dispatch)",
        Start.str().c_str());
  llvm::StringRef Identity = llvm::StringRef(O.PrefixIdentity).trim();
  if (Identity == "creator")
    P->PrefixIdentity = PrefixIdentityKind::Creator;
  else if (Identity == "child")
    P->PrefixIdentity = PrefixIdentityKind::Child;
  else if (!Identity.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "invalid value '%s' for option 'PrefixIdentity' (expected creator or "
        "child)",
        Identity.str().c_str());
  return P;
}

std::string Profile::fingerprint() const {
  std::string Key = Name;
  for (const auto *List :
       {&SpawnFunctions, &CancelFunctions, &StateQueryFunctions,
        &TimeoutFunctions, &AmbientTaskFunctions, &NeverSuspendingAwaitables,
        &HandleBinders, &LazyStartArguments, &DeferredStartTypes,
        &CancelOnDestroyTypes, &UnsharedTypes, &EagerTypes}) {
    Key += '\x1f';
    Key += llvm::join(*List, ";");
  }
  Key += '\x1f' + YieldStatement + '\x1f' + YieldHeader;
  for (const YieldVariant &V : YieldVariants)
    Key += '\x1f' + V.Namespace + V.Statement + V.Header;
  Key += '\x1f' + std::to_string(static_cast<int>(SpawnStart)) +
         std::to_string(static_cast<int>(PrefixIdentity));
  return Key;
}

void Profile::addNames(std::vector<std::string> &Into, llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef> Items;
  List.split(Items, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty())
      continue;
    if (!llvm::is_contained(Into, Item))
      Into.push_back(Item.str());
  }
}

} // namespace eagerlint::analysis
