// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: cppcoro, TimeoutFunctions: '::app::with_deadline', AmbientTaskFunctions: '::app::current_request'}}" -- -- %mock_cppcoro
// RUN: %clangxx -std=c++20 -fsyntax-only %mock_cppcoro %t.cpp

// The cppcoro profile against a mock of cppcoro's names (Inputs/
// cppcoro-mock): `task` is lazy, `async_scope::spawn` runs the awaitable at
// once in a `suspend_never` coroutine (SpawnStart `inline`). cppcoro has no
// scheduler-independent yield, so the profile ships no YieldStatement: every
// finding says it must be configured and offers no fix-it (a configured
// yield: profile-cppcoro-yield.cpp). `spawn` returns void, so there is no
// handle whose state could be queried: done-after-spawn does not apply.

#include <cppcoro/async_scope.hpp>
#include <cppcoro/cancellation_source.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/task.hpp>

int g_pending = 0;

cppcoro::task<> handle_request(cppcoro::static_thread_pool &pool,
                               cppcoro::cancellation_token token) {
  ++g_pending;
  co_await pool.schedule();
  token.throw_if_cancellation_requested();
}

cppcoro::task<> serve(cppcoro::static_thread_pool &pool,
                      cppcoro::async_scope &scope) {
  cppcoro::cancellation_source source;
  scope.spawn(handle_request(pool, source.token()));
  source.request_cancellation();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'source' running 'handle_request' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: no fix-it: profile 'cppcoro' has no guaranteed yield; configure YieldStatement
  g_pending = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'g_pending' is written after spawning 'handle_request', whose prefix reads it{{.*}} [eager-state-after-spawn]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: no fix-it: profile 'cppcoro' has no guaranteed yield; configure YieldStatement
  co_await scope.join();
}
// No yield to insert: the file stays as it was.
// CHECK-FIXES: {{^}}  scope.spawn(handle_request(pool, source.token()));{{$}}
// CHECK-FIXES-NEXT: {{^}}  source.request_cancellation();{{$}}

cppcoro::task<> fan_out(cppcoro::static_thread_pool &pool,
                        cppcoro::async_scope &scope, int depth) {
  if (depth > 0)
    scope.spawn(fan_out(pool, scope, depth - 1));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'fan_out' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  // CHECK-MESSAGES: :[[@LINE-2]]:11: note: no fix-it: profile 'cppcoro' has no guaranteed yield; configure YieldStatement
  co_await pool.schedule();
}
// CHECK-FIXES: {{^}}                        cppcoro::async_scope &scope, int depth) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (depth > 0){{$}}

// Negatives.

// Identity `child`: even names a team adds as timeouts or ambient-task
// queries do not bind to the spawner in a cppcoro spawn's prefix.
namespace app {
void with_deadline(int milliseconds);
int current_request();
} // namespace app

cppcoro::task<> traced(cppcoro::static_thread_pool &pool) {
  app::with_deadline(50);
  int id = app::current_request();
  (void)id;
  co_await pool.schedule();
}

cppcoro::task<> spawns_traced(cppcoro::static_thread_pool &pool,
                              cppcoro::async_scope &scope) {
  scope.spawn(traced(pool));
  co_await scope.join();
}

// Suspends before it reads anything: the window's write is no hazard.
cppcoro::task<> yields_first(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
  ++g_pending;
}

cppcoro::task<> spawns_yields_first(cppcoro::static_thread_pool &pool,
                                    cppcoro::async_scope &scope) {
  scope.spawn(yields_first(pool));
  g_pending = 0;
  co_await scope.join();
}

// Look-alikes in another namespace are not cppcoro's.
namespace other {
struct async_scope {
  template <class A> void spawn(A &&) {}
};
struct cancellation_source {
  cppcoro::cancellation_token token() const { return {}; }
  void request_cancellation() {}
};
} // namespace other

cppcoro::task<> look_alike(cppcoro::static_thread_pool &pool,
                           other::async_scope &scope) {
  other::cancellation_source source;
  scope.spawn(handle_request(pool, source.token()));
  source.request_cancellation();
  g_pending = 0;
  co_await pool.schedule();
}
