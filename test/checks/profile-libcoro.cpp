// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: libcoro, TimeoutFunctions: '::app::with_deadline', AmbientTaskFunctions: '::app::current_request'}}" -- -- %mock_libcoro
// RUN: %clangxx -std=c++20 -fsyntax-only %mock_libcoro %t.cpp

// The libcoro profile against a mock of libcoro's names (Inputs/
// libcoro-mock): `coro::task` is lazy and every spawn queues it today
// (SpawnStart `queued`): the findings say what breaks when spawns start
// inline. The yield is a member of an executor (`co_await tp.yield();`), not
// a global, so the profile ships no YieldStatement: every finding says it
// must be configured and offers no fix-it (a configured yield:
// profile-libcoro-yield.cpp). `spawn_detached` returns whether the task was
// queued and `spawn_joinable` a lazy join task, so no handle reports the
// child's state: done-after-spawn does not apply.

#include <coro/coro.hpp>

int g_completed = 0;

coro::task<void> count_one() {
  ++g_completed;
  co_return;
}

// The hazard of issue 10: a joinable spawn of a task that completes without
// suspending, then a check of what it counts.
coro::task<void> checks_counter(coro::thread_pool &tp) {
  auto joined = tp.spawn_joinable(count_one());
  if (g_completed == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'g_completed' is read after spawning 'count_one', whose prefix writes it{{.*}} [eager-state-after-spawn]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: no fix-it: profile 'libcoro' has no guaranteed yield; configure YieldStatement
    co_return;
  co_await joined;
}
// CHECK-FIXES: {{^}}  auto joined = tp.spawn_joinable(count_one());{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (g_completed == 0){{$}}

coro::task<void> watch(coro::thread_pool &tp, std::stop_token stop) {
  ++g_completed;
  co_await tp.yield();
  if (stop.stop_requested())
    co_return;
}

coro::task<void> starts_and_stops(coro::thread_pool &tp) {
  std::stop_source stop;
  tp.spawn_detached(watch(tp, stop.get_token()));
  stop.request_stop();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'stop' running 'watch' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: no fix-it: profile 'libcoro' has no guaranteed yield; configure YieldStatement
  co_await tp.yield();
}

coro::task<void> crawl(coro::scheduler &s, int depth) {
  if (depth > 0)
    s.spawn_detached(crawl(s, depth - 1));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'crawl' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: no fix-it: profile 'libcoro' has no guaranteed yield; configure YieldStatement
  co_await s.schedule();
}

coro::task<void> group_writes(coro::thread_pool &tp) {
  coro::task_group<coro::thread_pool> group(&tp);
  (void)group.start(count_one());
  g_completed = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'g_completed' is written after spawning 'count_one', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await group;
}

// Negatives.

// Identity `child`: even names a team adds as timeouts or ambient-task
// queries do not bind to the spawner in a libcoro spawn's prefix.
namespace app {
void with_deadline(int milliseconds);
int current_request();
} // namespace app

coro::task<void> traced(coro::thread_pool &tp) {
  app::with_deadline(50);
  int id = app::current_request();
  (void)id;
  co_await tp.yield();
}

coro::task<void> spawns_traced(coro::thread_pool &tp) {
  tp.spawn_detached(traced(tp));
  co_await tp.yield();
}

// Awaited at once: no spawn.
coro::task<void> awaits(coro::thread_pool &tp) {
  co_await count_one();
  g_completed = 0;
  co_await tp.yield();
}

// Look-alikes in another namespace are not libcoro's.
namespace other {
struct thread_pool {
  bool spawn_detached(coro::task<void> &&) { return true; }
  coro::task<void> spawn_joinable(coro::task<void> &&) { return {}; }
};
} // namespace other

coro::task<void> look_alike(other::thread_pool &op, coro::thread_pool &tp) {
  auto joined = op.spawn_joinable(count_one());
  op.spawn_detached(count_one());
  if (g_completed == 0)
    co_return;
  co_await joined;
  co_await tp.yield();
}
