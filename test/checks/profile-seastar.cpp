// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: seastar}}" -- -- %mock_seastar
// RUN: %clangxx -std=c++20 -fsyntax-only %mock_seastar %t.cpp

// The seastar profile against a mock of Seastar's names (Inputs/
// seastar-mock): a coroutine returning seastar::future runs when called (its
// promise type, found through std::coroutine_traits, starts with
// suspend_never), so the call is the spawn and the future the handle. The
// coroutine is its own task from its first step (identity `child`):
// timeout-in-prefix and current-task-in-prefix do not apply. The fix-it
// inserts `co_await seastar::yield();` (maybe_yield() may not yield).

#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/with_timeout.hh>

// CHECK-FIXES: {{^}}#include <seastar/core/with_timeout.hh>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <seastar/util/later.hh>{{$}}

int g_version = 0;

seastar::future<int> flush(seastar::abort_source &as) {
  int v = g_version;
  as.check();
  co_await seastar::make_ready_future<>();
  co_return v;
}

seastar::future<> bump_after_flush(seastar::abort_source &as) {
  auto flushed = flush(as);
  ++g_version;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'g_version' is written after spawning 'flush', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await flushed;
}
// CHECK-FIXES: {{^}}  auto flushed = flush(as);{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await seastar::yield();{{$}}
// CHECK-FIXES-NEXT: {{^}}  ++g_version;{{$}}

seastar::future<> aborts(seastar::abort_source &as) {
  auto flushed = flush(as);
  as.request_abort();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: task 'as' running 'flush' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await flushed;
}

seastar::future<int> checks_ready(seastar::abort_source &as) {
  auto flushed = flush(as);
  if (flushed.available())
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'available()' on task 'flushed' running 'flush' right after spawning it{{.*}} [eager-done-after-spawn]
    co_return 0;
  co_return co_await flushed;
}

seastar::future<> scan(int depth) {
  if (depth > 0) {
    auto rest = scan(depth - 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'scan' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
    co_await rest;
  }
  co_await seastar::make_ready_future<>();
}

// Negatives.

// Awaited at once: runs exactly as a lazy coroutine would.
seastar::future<> awaits_flush(seastar::abort_source &as) {
  int v = co_await flush(as);
  g_version = v + 1;
}

// Identity `child`: with_timeout wraps the future it is given.
seastar::future<> bounded(seastar::abort_source &as) {
  co_await seastar::with_timeout(std::chrono::steady_clock::now(), flush(as));
}

seastar::future<> starts_bounded(seastar::abort_source &as) {
  auto done = bounded(as);
  co_await done;
}

// Look-alikes in another namespace are not Seastar's: a lazy future type
// and an abort_source of its own.
namespace other {
template <class T> struct future {
  struct promise_type {
    future get_return_object() { return {}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool available() const { return false; }
};
struct abort_source {
  void request_abort() {}
};
} // namespace other

other::future<int> lazy_flush() {
  int v = g_version;
  co_return v;
}

seastar::future<> look_alike(other::abort_source &as) {
  auto flushed = lazy_flush();
  as.request_abort();
  ++g_version;
  if (flushed.available())
    co_return;
  co_await seastar::make_ready_future<>();
}
