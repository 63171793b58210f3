//===- Profile.cpp - Built-in API profiles --------------------------------===//
#include "eagerlint/analysis/Profile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include <initializer_list>

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
  P.YieldStatement = "co_await eagerlint::rt::yield_now();";
  P.YieldHeader = "<eagerlint/runtime.hpp>";
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
  P.YieldStatement = "co_await asio::post(co_await asio::this_coro::executor, "
                     "asio::use_awaitable);";
  P.YieldHeader = "<asio.hpp>";
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

/// Sets \p Out from the keyword \p Value of option \p Key; an empty value
/// keeps the profile's.
template <class Kind>
static llvm::Error
parseKeyword(llvm::StringRef Key, llvm::StringRef Value,
             std::initializer_list<std::pair<llvm::StringRef, Kind>> Known,
             Kind &Out) {
  Value = Value.trim();
  if (Value.empty())
    return llvm::Error::success();
  llvm::SmallVector<llvm::StringRef, 3> Names;
  for (const auto &[Name, K] : Known) {
    if (Name == Value) {
      Out = K;
      return llvm::Error::success();
    }
    Names.push_back(Name);
  }
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(), "unknown %s '%s' (known: %s)",
      Key.str().c_str(), Value.str().c_str(), llvm::join(Names, ", ").c_str());
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
  if (!llvm::StringRef(O.YieldStatement).trim().empty())
    P->YieldStatement = O.YieldStatement;
  if (!llvm::StringRef(O.YieldHeader).trim().empty())
    P->YieldHeader = O.YieldHeader;
  if (llvm::Error E = parseKeyword("SpawnStart", O.SpawnStart,
                                   {{"queued", SpawnStartKind::Queued},
                                    {"inline", SpawnStartKind::Inline},
                                    {"dispatch", SpawnStartKind::Dispatch}},
                                   P->SpawnStart))
    return std::move(E);
  if (llvm::Error E = parseKeyword("PrefixIdentity", O.PrefixIdentity,
                                   {{"creator", PrefixIdentityKind::Creator},
                                    {"child", PrefixIdentityKind::Child}},
                                   P->PrefixIdentity))
    return std::move(E);
  addNames(P->EagerTypes, O.EagerTypes);
  return P;
}

llvm::StringRef spawnStartName(SpawnStartKind K) {
  switch (K) {
  case SpawnStartKind::Queued:
    return "queued";
  case SpawnStartKind::Inline:
    return "inline";
  case SpawnStartKind::Dispatch:
    return "dispatch";
  }
  llvm_unreachable("unknown SpawnStartKind");
}

llvm::StringRef prefixIdentityName(PrefixIdentityKind K) {
  return K == PrefixIdentityKind::Child ? "child" : "creator";
}

std::string Profile::fingerprint() const {
  std::string Key = Name;
  for (const auto *List :
       {&SpawnFunctions, &CancelFunctions, &StateQueryFunctions,
        &TimeoutFunctions, &AmbientTaskFunctions, &NeverSuspendingAwaitables,
        &HandleBinders, &LazyStartArguments, &EagerTypes}) {
    Key += '\x1f';
    Key += llvm::join(*List, ";");
  }
  Key += '\x1f' + YieldStatement + '\x1f' + YieldHeader;
  Key += '\x1f' + spawnStartName(SpawnStart).str() + '\x1f' +
         prefixIdentityName(PrefixIdentity).str();
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
