// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: kj}}" -- -- %mock_kj
// RUN: %clangxx -std=c++20 -fsyntax-only %mock_kj %t.cpp

// The kj profile against a mock of KJ's names (Inputs/kj-mock): a coroutine
// returning kj::Promise runs when called (its promise type, found through
// std::coroutine_traits, starts with suspend_never), so the call is the
// spawn and the promise the handle; dropping it cancels the coroutine. The
// coroutine is its own task from its first step (identity `child`):
// timeout-in-prefix and current-task-in-prefix do not apply.

#include <kj/timer.h>

// The fix-its add the header of kj::yield().
// CHECK-FIXES: {{^}}#include <kj/async.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <kj/timer.h>{{$}}

int g_writes = 0;

kj::Promise<int> commit() {
  int batch = g_writes;
  co_await kj::yield();
  co_return batch;
}

// What Cloudflare's workerd met moving .then() chains to coroutines: a
// commit started on the first write must see every write of the turn.
kj::Promise<int> write_then_commit() {
  auto committed = commit();
  ++g_writes;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'g_writes' is written after spawning 'commit', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_return co_await committed;
}
// CHECK-FIXES: {{^}}  auto committed = commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await kj::yield();{{$}}
// CHECK-FIXES-NEXT: {{^}}  ++g_writes;{{$}}

kj::Promise<void> drops_commit() {
  commit();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}'commit'{{.*}} [eager-cancel-before-start]
  co_await kj::yield();
}

kj::Promise<void> cancels_wrapped(kj::Canceler &canceler) {
  auto p = canceler.wrap(commit());
  canceler.cancel("shutting down");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: task 'canceler' running 'commit' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await p;
}

kj::Promise<void> walk(int depth) {
  if (depth > 0) {
    auto child = walk(depth - 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'walk' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
    co_await child;
  }
  co_await kj::yield();
}

// Negatives.

// Awaited at once: runs exactly as a lazy coroutine would.
kj::Promise<void> awaits_commit() {
  int batch = co_await commit();
  g_writes = batch;
}

// Identity `child`: the timeout wraps the promise it is given, nothing of
// the caller's.
kj::Promise<void> guarded(kj::Timer &timer) {
  co_await timer.timeoutAfter(5 * kj::MILLISECONDS, commit());
}

kj::Promise<void> starts_guarded(kj::Timer &timer) {
  auto p = guarded(timer);
  co_await p;
}

// Look-alikes in another namespace are not KJ's: a lazy Promise type and a
// Canceler of its own.
namespace other {
template <class T> struct Promise {
  struct promise_type {
    Promise get_return_object() { return {}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
};
struct Canceler {
  template <class T> kj::Promise<T> wrap(kj::Promise<T> P) { return P; }
  void cancel(const char *) {}
};
} // namespace other

other::Promise<int> lazy_commit() {
  int batch = g_writes;
  co_return batch;
}

kj::Promise<void> look_alike() {
  auto p = lazy_commit();
  ++g_writes;
  (void)p;
  co_await kj::yield();
}

// A state query from outside the event loop: no coroutine to yield in.
int main() {
  kj::EventLoop loop;
  kj::WaitScope scope;
  auto p = commit();
  if (p.poll(scope))
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'poll()' on task 'p' running 'commit' right after spawning it{{.*}} [eager-done-after-spawn]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: no fix-it: {{.*}}
    return p.wait(scope);
  return 0;
}
