// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: asio}}" -- -- %mock_asio

// What Asio's co_spawn really does (SpawnStart: dispatch, PrefixIdentity:
// child), one section per false-positive class and missed hazard found on
// real Asio applications (docs/accuracy.md). Each test is named after what
// broke.

#include <asio.hpp>
#include <coroutine>

namespace std {
class mutex {
public:
  void lock() {}
  void unlock() {}
};
template <class M> class lock_guard {
public:
  explicit lock_guard(M &) {}
};
class condition_variable {
public:
  void notify_one() noexcept {}
};
template <class T> class optional {
public:
  optional() = default;
  optional(T &&V) : Value(static_cast<T &&>(V)) {}
  T *operator->() { return &Value; }
  T &operator*() { return Value; }
  T &value() { return Value; }
  void reset() {}
  T Value;
};
template <class T> class shared_ptr {
public:
  T *operator->() const { return Ptr; }
  T *Ptr = nullptr;
};
template <class T> class vector {
public:
  T &operator[](unsigned long) { return *Data; }
  T *begin() { return Data; }
  T *end() { return Data; }
  void push_back(const T &) {}
  T *Data = nullptr;
};
template <class T> optional<T> make_optional(T &&V) {
  return optional<T>(static_cast<T &&>(V));
}
template <class A, class B> struct pair {
  A first;
  B second;
};
template <class K, class V> class map {
public:
  struct entry {
    K first;
    V second;
  };
  template <class... A> pair<entry *, bool> emplace(A &&...) {
    return {nullptr, true};
  }
  void clear() {}
  entry *begin() { return nullptr; }
  entry *end() { return nullptr; }
};
template <class T> class unique_ptr {
public:
  T *operator->() const { return Ptr; }
  T *Ptr = nullptr;
};
template <class T> T &&move(T &V) noexcept { return static_cast<T &&>(V); }
template <class T> class enable_shared_from_this {
public:
  shared_ptr<T> shared_from_this() { return {}; }
};
} // namespace std

int g_count = 0;

asio::awaitable<void> reads_count() {
  int Seen = g_count;
  (void)Seen;
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

//===-- 1. Identity established before the prefix ------------------------===//

// co_spawn creates the child's cancellation state before its first step: the
// prefix's this_coro queries and timeouts act on the child either way.
asio::awaitable<void> child_identity_queries_in_prefix() {
  auto State = co_await asio::this_coro::cancellation_state;
  (void)State;
  co_await asio::this_coro::throw_if_cancelled();
  asio::steady_timer Timer(co_await asio::this_coro::executor);
  using namespace asio::experimental::awaitable_operators;
  co_await (asio::post(co_await asio::this_coro::executor, asio::use_awaitable) ||
            Timer.async_wait(asio::use_awaitable));
}

asio::awaitable<void> spawns_child_identity_queries() {
  asio::co_spawn(co_await asio::this_coro::executor,
                 child_identity_queries_in_prefix(), asio::detached);
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

//===-- 2. Dispatch from outside the event loop --------------------------===//

// Before run() nothing runs inline: the spawn posts.
int main_spawn_before_run() {
  asio::io_context Ctx;
  asio::co_spawn(Ctx, reads_count(), asio::detached);
  g_count = 1;
  Ctx.run();
  return 0;
}

struct server_constructor_spawn {
  asio::io_context &Ctx;
  explicit server_constructor_spawn(asio::io_context &C) : Ctx(C) {
    asio::co_spawn(Ctx, reads_count(), asio::detached);
    g_count = 2;
  }
};

// A spawner that is not a coroutine but is called from one runs inside the
// loop: its window goes on in the caller (issue 10, windows in callers).
void start_reader(asio::any_io_executor Ex) {
  asio::co_spawn(Ex, reads_count(), asio::detached);
}

asio::awaitable<void> caller_writes_after_spawner_returns() {
  start_reader(co_await asio::this_coro::executor);
  g_count = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'g_count' is written after spawning 'reads_count', whose prefix reads it{{.*}} [eager-state-after-spawn]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'start_reader', which spawns the task, returns here
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}
// CHECK-FIXES: {{^}}  start_reader(co_await asio::this_coro::executor);{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}
// CHECK-FIXES-NEXT: {{^}}  g_count = 3;{{$}}

//===-- 3. Awaited and deferred spawns -----------------------------------===//

asio::awaitable<void> awaited_spawn_has_no_window() {
  co_await asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                          asio::use_awaitable);
  g_count = 4;
}

asio::awaitable<void> awaited_self_spawn_is_no_recursion(int N) {
  if (N)
    co_await asio::co_spawn(co_await asio::this_coro::executor,
                            awaited_self_spawn_is_no_recursion(N - 1),
                            asio::use_awaitable);
}

asio::awaitable<void> deferred_spawn_starts_later() {
  auto Op = asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                           asio::experimental::deferred);
  g_count = 5;
  (void)Op;
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

//===-- 4. What counts as a write ----------------------------------------===//

struct shared_state {
  std::mutex Mutex;
  std::condition_variable Ready;
  std::optional<int> Limit;
  int Hits = 0;
};
shared_state g_state;

asio::awaitable<void> locks_and_reads() {
  std::lock_guard<std::mutex> Lock(g_state.Mutex);
  int Limit = *g_state.Limit;
  int Hits = g_state.Hits;
  (void)Limit;
  (void)Hits;
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

int read_only(shared_state &S) { return S.Hits; }

asio::awaitable<void> mutex_notify_and_accessors_are_no_writes() {
  asio::co_spawn(co_await asio::this_coro::executor, locks_and_reads(),
                 asio::detached);
  g_state.Mutex.lock();
  g_state.Ready.notify_one();
  int Limit = g_state.Limit.value();
  int Hits = read_only(g_state);
  (void)Limit;
  (void)Hits;
  g_state.Mutex.unlock();
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

struct peer {
  int Pending = 0;
};
peer *g_peer = nullptr;

asio::awaitable<void> reads_pointee() {
  int Pending = g_peer->Pending;
  (void)Pending;
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

asio::awaitable<void> pointer_reassigned_is_not_pointee_written() {
  peer *Other = nullptr;
  asio::co_spawn(co_await asio::this_coro::executor, reads_pointee(),
                 asio::detached);
  Other = g_peer;
  (void)Other;
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

//===-- Missed: accesses through pointer members -------------------------===//

struct channel_peer {
  std::vector<int> Queue;
};

struct relay : std::enable_shared_from_this<relay> {
  std::shared_ptr<channel_peer> Peer;

  asio::awaitable<void> pump(std::shared_ptr<channel_peer> P) {
    int First = P->Queue[0];
    (void)First;
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  }

  asio::awaitable<void> start() {
    asio::co_spawn(co_await asio::this_coro::executor, pump(Peer),
                   asio::detached);
    Peer->Queue.push_back(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Peer' is written after spawning 'relay::pump', whose prefix reads it{{.*}} [eager-state-after-spawn]
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  }
};

//===-- Missed: cancellation through use_promise -------------------------===//

asio::awaitable<void> discarded_promise_cancels() {
  asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                 asio::experimental::use_promise);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: the result of this call is discarded, which cancels 'reads_count' before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

asio::awaitable<void> promise_cancelled_in_window() {
  auto P = asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                          asio::experimental::use_promise);
  P.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'P' running 'reads_count' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}
// CHECK-FIXES: {{^}}                          asio::experimental::use_promise);{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}
// CHECK-FIXES-NEXT: {{^}}  P.cancel();{{$}}

asio::awaitable<void> promise_destroyed_by_return(bool Quit) {
  auto P = asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                          asio::experimental::use_promise);
  if (Quit)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the task's handle is destroyed here, which cancels 'reads_count' before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}
// CHECK-FIXES: {{^}}                          asio::experimental::use_promise);{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (Quit){{$}}

//===-- Missed: cancellation signals held in containers ------------------===//

asio::awaitable<void> signals_in_container_emitted(
    std::vector<std::shared_ptr<asio::cancellation_signal>> &Signals) {
  asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                 asio::bind_cancellation_slot(Signals[0]->slot(),
                                              asio::detached));
  for (auto &S : Signals)
    S->emit(asio::cancellation_type::all);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'S' running 'reads_count' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

asio::awaitable<void> promise_in_optional_reset() {
  std::optional<asio::experimental::promise<void()>> P{
      asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                     asio::experimental::use_promise)};
  P.reset();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the task's handle is destroyed here, which cancels 'reads_count' before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

asio::awaitable<void> promises_in_container_cleared(bool Stop) {
  std::map<int, asio::experimental::promise<void()>> Tasks;
  Tasks.emplace(0, asio::co_spawn(co_await asio::this_coro::executor,
                                  reads_count(),
                                  asio::experimental::use_promise));
  if (Stop)
    Tasks.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the task's handle is destroyed here, which cancels 'reads_count' before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

asio::awaitable<void> signal_moved_into_container_emitted(bool ShuttingDown) {
  std::map<int, std::unique_ptr<asio::cancellation_signal>> Sessions;
  std::unique_ptr<asio::cancellation_signal> Sig;
  asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                 asio::bind_cancellation_slot(Sig->slot(), asio::detached));
  Sessions.emplace(1, std::move(Sig));
  if (ShuttingDown)
    for (auto &[Id, S] : Sessions)
      S->emit(asio::cancellation_type::all);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'S' running 'reads_count' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

// signal_emplaced_into_container_emitted: the signal is created in the
// container, and the spawn binds it through the iterator emplace returned.
asio::awaitable<void> signal_emplaced_into_container_emitted(bool ShuttingDown) {
  std::map<int, std::unique_ptr<asio::cancellation_signal>> Sessions;
  auto [It, Inserted] =
      Sessions.emplace(2, std::unique_ptr<asio::cancellation_signal>());
  asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                 asio::bind_cancellation_slot(It->second->slot(),
                                              asio::detached));
  if (ShuttingDown)
    for (auto &Entry : Sessions)
      Entry.second->emit(asio::cancellation_type::all);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: task 'Entry.second' running 'reads_count' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

asio::awaitable<void> promise_made_optional_reset() {
  auto P = std::make_optional(
      asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                     asio::experimental::use_promise));
  P.reset();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the task's handle is destroyed here, which cancels 'reads_count' before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

asio::awaitable<void> promise_dropped_by_continue(int N) {
  for (int I = 0; I < N; ++I) {
    auto P = asio::co_spawn(co_await asio::this_coro::executor, reads_count(),
                            asio::experimental::use_promise);
    if (I % 2)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the task's handle is destroyed here, which cancels 'reads_count' before it first suspends{{.*}} [eager-cancel-before-start]
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  }
}
