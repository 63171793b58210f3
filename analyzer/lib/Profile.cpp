//===- Profile.cpp - Built-in API profiles --------------------------------===//
#include "eagerlint/analysis/Profile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/GlobPattern.h"
#include <initializer_list>

namespace eagerlint::analysis {

static Profile referenceProfile() {
  Profile P;
  P.Name = "reference";
  P.SpawnFunctions = {"::eagerlint::rt::create_task",
                      "::eagerlint::rt::event_loop::create_task",
                      "::eagerlint::rt::task_group::create_task"};
  P.CancelFunctions = {"::eagerlint::rt::task_handle::cancel",
                       "::eagerlint::rt::task_ref::cancel",
                       "::eagerlint::rt::hot_task::cancel"};
  P.StateQueryFunctions = {"::eagerlint::rt::task_handle::done",
                           "::eagerlint::rt::task_handle::cancelled",
                           "::eagerlint::rt::task_handle::result",
                           "::eagerlint::rt::task_ref::done",
                           "::eagerlint::rt::task_ref::cancelled",
                           "::eagerlint::rt::hot_task::done",
                           "::eagerlint::rt::hot_task::cancelled",
                           "::eagerlint::rt::hot_task::result"};
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
  // Initiating functions (`socket.async_receive`, `asio::async_write(s,
  // ...)`): the I/O object queues the operation (profiles.md, Asio); and
  // the I/O objects' non-const `get_executor`.
  P.ReadOnlyFunctions = {"::asio::async_*", "::asio::*::async_*",
                         "::asio::*::get_executor", "::boost::asio::async_*",
                         "::boost::asio::*::async_*",
                         "::boost::asio::*::get_executor"};
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

// Boost.Cobalt: `promise`, `detached` and `generator` start when called
// (`initial_suspend` is `suspend_never`); `spawn` dispatches a lazy `task`.
// The child's cancellation state exists before its first step.
static Profile cobaltProfile() {
  Profile P;
  P.Name = "cobalt";
  P.SpawnFunctions = {"::boost::cobalt::spawn"};
  P.CancelFunctions = {"::boost::cobalt::promise::cancel",
                       "::boost::cobalt::generator::cancel",
                       "::boost::asio::cancellation_signal::emit"};
  P.HandleBinders = {"::boost::asio::cancellation_signal::slot"};
  P.StateQueryFunctions = {"::boost::cobalt::promise::ready",
                           "::boost::cobalt::promise::get",
                           "::boost::cobalt::generator::ready"};
  P.TimeoutFunctions = {"::boost::cobalt::race", "::boost::cobalt::left_race"};
  // cobalt::this_coro pulls in asio::this_coro with a using-directive.
  P.AmbientTaskFunctions = {
      "::boost::asio::this_coro::cancellation_state",
      "::boost::asio::this_coro::reset_cancellation_state",
      "::boost::asio::this_coro::throw_if_cancelled",
      "::boost::cobalt::this_coro::cancelled"};
  P.NeverSuspendingAwaitables = {
      "::boost::asio::this_coro::executor_t",
      "::boost::asio::this_coro::cancellation_state_t",
      "::boost::asio::this_coro::reset_cancellation_state_0_t",
      "::boost::asio::this_coro::reset_cancellation_state_1_t",
      "::boost::asio::this_coro::reset_cancellation_state_2_t",
      "::boost::asio::this_coro::throw_if_cancelled_0_t",
      "::boost::asio::this_coro::throw_if_cancelled_1_t",
      "::boost::cobalt::this_coro::allocator_t",
      "::boost::cobalt::this_coro::cancelled_t"};
  P.YieldStatement = "co_await boost::asio::post(co_await "
                     "boost::cobalt::this_coro::executor, "
                     "boost::cobalt::use_op);";
  P.YieldHeader = "<boost/cobalt.hpp>";
  P.SpawnStart = SpawnStartKind::Dispatch;
  P.PrefixIdentity = PrefixIdentityKind::Child;
  P.EagerTypes = {"::boost::cobalt::promise", "::boost::cobalt::detached",
                  "::boost::cobalt::generator"};
  // Cobalt awaits Asio's I/O objects (`socket.async_read_some(use_op)`).
  P.ReadOnlyFunctions = {"::boost::asio::async_*", "::boost::asio::*::async_*",
                         "::boost::asio::*::get_executor"};
  return P;
}

// cppcoro: `task` is lazy, `async_scope::spawn` runs the awaitable in a
// `suspend_never` coroutine, and cancellation travels in a token argument.
// No scheduler-independent yield exists.
static Profile cppcoroProfile() {
  Profile P;
  P.Name = "cppcoro";
  P.SpawnFunctions = {"::cppcoro::async_scope::spawn"};
  P.CancelFunctions = {"::cppcoro::cancellation_source::request_cancellation"};
  P.HandleBinders = {"::cppcoro::cancellation_source::token"};
  P.SpawnStart = SpawnStartKind::Inline;
  P.PrefixIdentity = PrefixIdentityKind::Child;
  return P;
}

// libcoro: every spawn queues the task on its executor today; cancellation is
// a std::stop_source whose token the coroutine receives. The yield belongs to
// an executor object (`co_await tp->yield();`): there is no global one.
static Profile libcoroProfile() {
  Profile P;
  P.Name = "libcoro";
  P.SpawnFunctions = {
      "::coro::scheduler::spawn_detached", "::coro::scheduler::spawn_joinable",
      "::coro::thread_pool::spawn_detached",
      "::coro::thread_pool::spawn_joinable", "::coro::task_group::start"};
  P.CancelFunctions = {"::std::stop_source::request_stop"};
  P.HandleBinders = {"::std::stop_source::get_token"};
  P.SpawnStart = SpawnStartKind::Queued;
  P.PrefixIdentity = PrefixIdentityKind::Child;
  return P;
}

// folly::coro: `Task` is lazy; `start()` and `AsyncScope::add` queue it on
// its executor, `startInlineUnsafe` runs it inline. The placeholder objects
// are aliases of detail:: classes, which is what an awaited operand names.
static Profile follyProfile() {
  Profile P;
  P.Name = "folly";
  P.SpawnFunctions = {"::folly::coro::TaskWithExecutor::start",
                      "::folly::coro::TaskWithExecutor::startInlineUnsafe",
                      "::folly::coro::AsyncScope::add",
                      "::folly::coro::AsyncScope::addWithSourceLoc",
                      "::folly::coro::CancellableAsyncScope::add",
                      "::folly::coro::CancellableAsyncScope::addWithSourceLoc",
                      "::folly::coro::CancellableAsyncScope::co_schedule"};
  P.CancelFunctions = {"::folly::CancellationSource::requestCancellation"};
  P.HandleBinders = {"::folly::CancellationSource::getToken"};
  // SemiFuture re-exports these from its private base with using-declarations.
  P.StateQueryFunctions = {"::folly::futures::detail::FutureBase::isReady",
                           "::folly::futures::detail::FutureBase::hasValue",
                           "::folly::futures::detail::FutureBase::hasException",
                           "::folly::futures::detail::FutureBase::result",
                           "::folly::futures::detail::FutureBase::value"};
  P.TimeoutFunctions = {"::folly::coro::timeout",
                        "::folly::coro::timeoutNoDiscard"};
  P.AmbientTaskFunctions = {"::folly::coro::co_current_cancellation_token"};
  P.NeverSuspendingAwaitables = {
      "::folly::coro::detail::co_current_executor_",
      "::folly::coro::detail::co_current_cancellation_token_"};
  P.YieldStatement = "co_await folly::coro::co_reschedule_on_current_executor;";
  P.YieldHeader = "<folly/coro/CurrentExecutor.h>";
  P.SpawnStart = SpawnStartKind::Queued;
  P.PrefixIdentity = PrefixIdentityKind::Child;
  return P;
}

// KJ (Cap'n Proto >= 0.10): a coroutine returning kj::Promise runs when
// called; dropping the promise cancels it. Nothing takes a coroutine object to
// start it, so there is no spawn function.
static Profile kjProfile() {
  Profile P;
  P.Name = "kj";
  P.CancelFunctions = {"::kj::Canceler::cancel"};
  P.HandleBinders = {"::kj::Canceler::wrap"};
  P.StateQueryFunctions = {"::kj::Promise::poll"};
  P.TimeoutFunctions = {"::kj::Timer::timeoutAfter", "::kj::Timer::timeoutAt"};
  P.YieldStatement = "co_await kj::yield();";
  P.YieldHeader = "<kj/async.h>";
  P.SpawnStart = SpawnStartKind::Inline;
  P.PrefixIdentity = PrefixIdentityKind::Child;
  P.EagerTypes = {"::kj::Promise"};
  return P;
}

// Seastar: a coroutine returning seastar::future runs when called.
// `yield()` always reschedules; `maybe_yield()` only when the task quota is
// used up, so it is no fix.
static Profile seastarProfile() {
  Profile P;
  P.Name = "seastar";
  P.CancelFunctions = {"::seastar::abort_source::request_abort",
                       "::seastar::abort_source::request_abort_ex"};
  P.StateQueryFunctions = {"::seastar::future::available",
                           "::seastar::future::failed"};
  P.TimeoutFunctions = {"::seastar::with_timeout"};
  P.YieldStatement = "co_await seastar::yield();";
  P.YieldHeader = "<seastar/util/later.hh>";
  P.SpawnStart = SpawnStartKind::Inline;
  P.PrefixIdentity = PrefixIdentityKind::Child;
  P.EagerTypes = {"::seastar::future"};
  return P;
}

namespace {
struct BuiltinProfile {
  llvm::StringLiteral Name;
  Profile (*Make)();
};
} // namespace

// The one list of built-in profiles, in the order users see them.
static constexpr BuiltinProfile Builtins[] = {{"reference", referenceProfile},
                                              {"asio", asioProfile},
                                              {"cobalt", cobaltProfile},
                                              {"cppcoro", cppcoroProfile},
                                              {"libcoro", libcoroProfile},
                                              {"folly", follyProfile},
                                              {"kj", kjProfile},
                                              {"seastar", seastarProfile}};

llvm::ArrayRef<llvm::StringRef> Profile::builtinNames() {
  static const llvm::SmallVector<llvm::StringRef> Names = [] {
    llvm::SmallVector<llvm::StringRef> Out;
    for (const BuiltinProfile &B : Builtins)
      Out.push_back(B.Name);
    return Out;
  }();
  return Names;
}

llvm::Expected<Profile> Profile::builtin(llvm::StringRef Name) {
  for (const BuiltinProfile &B : Builtins)
    if (B.Name == Name)
      return B.Make();
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

/// Whether \p Item is a qualified name as the lists hold them: identifiers
/// joined by `::`, optionally starting with `::`; the last one may be an
/// operator (`operator||`) where \p Operators.
static bool isQualifiedName(llvm::StringRef Item, bool Operators) {
  Item.consume_front("::");
  llvm::SmallVector<llvm::StringRef> Parts;
  Item.split(Parts, "::");
  for (size_t I = 0; I < Parts.size(); ++I) {
    llvm::StringRef Part = Parts[I];
    if (Operators && I + 1 == Parts.size() && Part.starts_with("operator") &&
        Part.size() > 8 && !llvm::isAlnum(Part[8]) && Part[8] != '_')
      continue;
    if (Part.empty() || llvm::isDigit(Part.front()) ||
        !llvm::all_of(Part,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; }))
      return false;
  }
  return true;
}

/// Adds the `;`-separated names of option \p Key to \p Into, or says in one
/// line which entry is no qualified name.
static llvm::Error addOption(llvm::StringRef Key,
                             std::vector<std::string> &Into,
                             llvm::StringRef List, bool Types) {
  llvm::SmallVector<llvm::StringRef> Items;
  List.split(Items, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty() || isQualifiedName(Item, /*Operators=*/!Types))
      continue;
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s entry '%s' names no %s (write a qualified name without template "
        "arguments or parameters, such as '%s')",
        Key.str().c_str(), Item.str().c_str(),
        Types ? "type" : "function or variable",
        Types ? "app::task" : "app::executor::spawn");
  }
  Profile::addNames(Into, List);
  return llvm::Error::success();
}

llvm::Expected<Profile> Profile::configured(const ProfileOptions &O) {
  llvm::Expected<Profile> P = builtin(O.Profile);
  if (!P)
    return P.takeError();
  const struct {
    llvm::StringRef Key;
    std::vector<std::string> &Into;
    const std::string &List;
    bool Types;
  } Lists[] = {
      {"SpawnFunctions", P->SpawnFunctions, O.SpawnFunctions, false},
      {"CancelFunctions", P->CancelFunctions, O.CancelFunctions, false},
      {"StateQueryFunctions", P->StateQueryFunctions, O.StateQueryFunctions,
       false},
      {"TimeoutFunctions", P->TimeoutFunctions, O.TimeoutFunctions, false},
      {"AmbientTaskFunctions", P->AmbientTaskFunctions, O.AmbientTaskFunctions,
       false},
      {"NeverSuspendingAwaitables", P->NeverSuspendingAwaitables,
       O.NeverSuspendingAwaitables, true},
      {"HandleBinders", P->HandleBinders, O.HandleBinders, false},
      {"LazyStartArguments", P->LazyStartArguments, O.LazyStartArguments,
       false},
      {"DeferredStartTypes", P->DeferredStartTypes, O.DeferredStartTypes, true},
      {"CancelOnDestroyTypes", P->CancelOnDestroyTypes, O.CancelOnDestroyTypes,
       true},
      {"UnsharedTypes", P->UnsharedTypes, O.UnsharedTypes, true},
      {"EagerTypes", P->EagerTypes, O.EagerTypes, true}};
  for (const auto &L : Lists)
    if (llvm::Error E = addOption(L.Key, L.Into, L.List, L.Types))
      return std::move(E);
  if (!llvm::StringRef(O.YieldStatement).trim().empty()) {
    P->YieldStatement = O.YieldStatement;
    P->YieldVariants.clear();
  }
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
  addNames(P->ReadOnlyFunctions, O.ReadOnlyFunctions);
  for (const std::string &Pattern : P->ReadOnlyFunctions)
    if (llvm::Expected<llvm::GlobPattern> G =
            llvm::GlobPattern::create(llvm::StringRef(Pattern).ltrim(':'));
        !G)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "invalid ReadOnlyFunctions pattern '" + Pattern +
              "': " + llvm::toString(G.takeError()));
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
        &HandleBinders, &LazyStartArguments, &DeferredStartTypes,
        &CancelOnDestroyTypes, &UnsharedTypes, &EagerTypes,
        &ReadOnlyFunctions}) {
    Key += '\x1f';
    Key += llvm::join(*List, ";");
  }
  Key += '\x1f' + YieldStatement + '\x1f' + YieldHeader;
  for (const YieldVariant &V : YieldVariants)
    Key += '\x1f' + V.Namespace + V.Statement + V.Header;
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
