// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {EagerTypes: 'app::task', CancelFunctions: 'app::task::cancel', StateQueryFunctions: 'app::task::done'}}" -- -- %mock_rt
// RUN: %check_clang_tidy -check-suffix=UNFLIPPED %s 'eager-*' %t -- -- %mock_rt

// Calling is spawning: coroutines whose type starts eagerly (initial_suspend
// is suspend_never: `app::hot`) and, with `EagerTypes: app::task`, a lazy type
// whose flip is being planned. The call is the spawn, its result the handle.
// Without the option only the type that is eager by itself is analysed.

#include <eagerlint/runtime.hpp>

namespace app {
// Lazy today: what would break if it started when called?
template <class T = void> class task {
public:
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
  void cancel() {}
  bool done() const noexcept { return false; }
};

// Eager by its promise, like kj::Promise or boost::cobalt::promise.
class hot {
public:
  struct promise_type {
    hot get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
  void cancel() {}
};
} // namespace app

int g_batch = 0;

app::task<> commit() {
  int Size = g_batch;
  (void)Size;
  co_await eagerlint::rt::yield_now();
}

app::hot flush() {
  int Size = g_batch;
  (void)Size;
  co_await eagerlint::rt::yield_now();
}

app::task<> writes_after_flipped_call() {
  auto T = commit();
  g_batch = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'g_batch' is written after spawning 'commit', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await T;
}
// CHECK-FIXES: {{^}}  auto T = commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  g_batch = 1;{{$}}

app::task<> cancels_flipped_task() {
  auto T = commit();
  T.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'T' running 'commit' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await eagerlint::rt::yield_now();
}

app::task<> discards_flipped_task() {
  commit();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the result of this call is discarded, which cancels 'commit' before it first suspends: under lazy start a discarded 'commit' never runs{{.*}} [eager-cancel-before-start]
  co_await eagerlint::rt::yield_now();
}

app::task<> queries_flipped_task() {
  auto T = commit();
  if (T.done())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'done()' on task 'T' running 'commit' right after spawning it{{.*}} [eager-done-after-spawn]
    co_return;
  co_await T;
}

// Awaited at once: the awaiter waits either way.
app::task<> awaits_at_once() {
  co_await commit();
  g_batch = 2;
}

// The write comes after the hand-off: a lazy task would have started there.
template <class T> void hand_off(T) {}
app::task<> writes_after_hand_off() {
  auto T = commit();
  hand_off(static_cast<app::task<> &&>(T));
  g_batch = 3;
  co_await eagerlint::rt::yield_now();
}

// Eager by type: analysed without any option.
app::task<> writes_after_hot_call() {
  auto H = flush();
  g_batch = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'g_batch' is written after spawning 'flush', whose prefix reads it{{.*}} [eager-state-after-spawn]
  // CHECK-MESSAGES-UNFLIPPED: :[[@LINE-2]]:11: warning: 'g_batch' is written after spawning 'flush', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await H;
}

app::hot recurse(int N) {
  if (N)
    recurse(N - 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recurse' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  // CHECK-MESSAGES-UNFLIPPED: :[[@LINE-2]]:5: warning: 'recurse' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  co_await eagerlint::rt::yield_now();
}

// A coroutine type that completes synchronously (a serialiser: eager by
// design, awaiting it never suspends) is no task a start policy reorders, and
// awaiting its result through a forwarding function waits for it anyway
// (real code: a wire-format library, docs/accuracy.md).
template <class T> struct sync_task {
  struct promise_type {
    sync_task get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) noexcept {}
    void unhandled_exception() noexcept {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept { return T(); }
};
sync_task<int> read_byte(unsigned char &Out) {
  Out = 1;
  co_return 1;
}
sync_task<int> forward_read(unsigned char &Out) { return read_byte(Out); }
sync_task<int> awaited_through_forwarding_function(unsigned &Value) {
  unsigned char Byte = 0;
  co_await forward_read(Byte);
  Value = Byte;
  co_return 1;
}

// synchronous_coroutine_type_is_no_spawn: discarded in a plain function.
int deserialize_into(unsigned &Value) {
  unsigned char Byte = 0;
  forward_read(Byte);
  Value = Byte;
  return 0;
}

// synchronous_type_through_operator_co_await_is_no_spawn: the type hands out
// an always-ready awaiter from `operator co_await() &&`, defined out of the
// class template and never instantiated in this translation unit.
template <class T> struct sync_value {
  struct promise_type {
    sync_value get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) noexcept {}
    void unhandled_exception() noexcept {}
  };
  struct awaiter;
  awaiter operator co_await() && noexcept;
};
template <class T> struct sync_value<T>::awaiter {
  constexpr bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept { return T(); }
};
sync_value<int> decode_byte(unsigned char &Out) {
  Out = 2;
  co_return 2;
}
int decode_into(unsigned &Value) {
  unsigned char Byte = 0;
  decode_byte(Byte);
  Value = Byte;
  return 0;
}
