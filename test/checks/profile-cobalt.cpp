// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: cobalt}}" -- -- %mock_cobalt
// RUN: %clangxx -std=c++20 -fsyntax-only %mock_cobalt %t.cpp

// The cobalt profile against a mock of Boost.Cobalt's names (Inputs/
// cobalt-mock): `spawn` dispatches a lazy `task` (eager from a coroutine on
// the executor, posted from outside it); `promise` starts when called. The
// child's cancellation state exists before its first step (identity
// `child`): timeout-in-prefix and current-task-in-prefix do not apply.

#include <boost/cobalt.hpp>

namespace asio = boost::asio;
namespace cobalt = boost::cobalt;

int g_sessions = 0;

cobalt::task<void> session() {
  ++g_sessions;
  co_await asio::post(co_await cobalt::this_coro::executor, cobalt::use_op);
}

// spawn from a coroutine running on the executor: dispatched inline.

cobalt::task<void> acceptor() {
  auto ex = co_await cobalt::this_coro::executor;
  asio::cancellation_signal sig;
  cobalt::spawn(ex, session(),
                asio::bind_cancellation_slot(sig.slot(), asio::detached));
  sig.emit(asio::cancellation_type::all);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: task 'sig' running 'session' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  g_sessions = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'g_sessions' is written after spawning 'session', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await asio::post(ex, cobalt::use_op);
}
// CHECK-FIXES: {{^}}                asio::bind_cancellation_slot(sig.slot(), asio::detached));{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await boost::asio::post(co_await boost::cobalt::this_coro::executor, boost::cobalt::use_op);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sig.emit(asio::cancellation_type::all);{{$}}

cobalt::task<void> respawn(int n) {
  if (n)
    cobalt::spawn(co_await cobalt::this_coro::executor, respawn(n - 1),
                  asio::detached);
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'respawn' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  co_await asio::post(co_await cobalt::this_coro::executor, cobalt::use_op);
}
// CHECK-FIXES: {{^}}cobalt::task<void> respawn(int n) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await boost::asio::post(co_await boost::cobalt::this_coro::executor, boost::cobalt::use_op);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (n){{$}}

// A promise starts when called: the call is the spawn, the promise the
// handle.

int g_cache = 0;

cobalt::promise<int> fetch() {
  int seen = g_cache;
  co_await asio::post(co_await cobalt::this_coro::executor, cobalt::use_op);
  co_return seen;
}

cobalt::task<void> cancels_promise() {
  auto p = fetch();
  p.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'p' running 'fetch' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(co_await cobalt::this_coro::executor, cobalt::use_op);
}

cobalt::task<int> polls_promise() {
  auto p = fetch();
  if (p.ready())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'ready()' on task 'p' running 'fetch' right after spawning it{{.*}} [eager-done-after-spawn]
    co_return p.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'get()' on task 'p' running 'fetch' right after spawning it{{.*}} [eager-done-after-spawn]
  co_return co_await p;
}

cobalt::task<int> writes_after_promise() {
  auto p = fetch();
  g_cache = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'g_cache' is written after spawning 'fetch', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_return co_await p;
}

cobalt::promise<void> walk(int depth) {
  if (depth > 0) {
    auto child = walk(depth - 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'walk' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
    co_await child;
  }
}

// Negatives.

// Awaited at once: the promise runs inline exactly as a lazy coroutine would.
cobalt::task<int> awaits_at_once() {
  int v = co_await fetch();
  g_cache = v;
  co_return v;
}

// Identity `child`: the spawned task's cancellation state and race are its
// own from its first step, so nothing here binds to the spawner.
cobalt::task<void> own_state() {
  auto state = co_await cobalt::this_coro::cancellation_state;
  (void)state;
  co_await cobalt::race(fetch(), fetch());
}

cobalt::task<void> spawns_own_state() {
  cobalt::spawn(co_await cobalt::this_coro::executor, own_state(),
                asio::detached);
  co_await asio::post(co_await cobalt::this_coro::executor, cobalt::use_op);
}

// spawn from main, outside io_context::run(): dispatch posts, so the child
// cannot run before the window ends.
int main() {
  asio::io_context ctx;
  asio::cancellation_signal sig;
  cobalt::spawn(ctx, session(),
                asio::bind_cancellation_slot(sig.slot(), asio::detached));
  sig.emit(asio::cancellation_type::all);
  g_sessions = 0;
  ctx.run();
}

// Look-alikes in another namespace are not Cobalt's.
namespace other {
template <class T, class Token> void spawn(asio::any_io_executor, T &&, Token) {}
template <class T> struct promise {
  void cancel() {}
};
} // namespace other

cobalt::task<void> look_alike() {
  asio::cancellation_signal sig;
  other::spawn(co_await cobalt::this_coro::executor, session(),
               asio::bind_cancellation_slot(sig.slot(), asio::detached));
  sig.emit(asio::cancellation_type::all);
  other::promise<int> p;
  p.cancel();
  g_sessions = 0;
  co_await asio::post(co_await cobalt::this_coro::executor, cobalt::use_op);
}
