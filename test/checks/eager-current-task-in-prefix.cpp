// RUN: %check_clang_tidy %s eager-current-task-in-prefix %t -- -- %mock_rt

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task_ref g_owner;

// Positives: each of these is spawned below.

rt::task<> records_owner() {
  g_owner = rt::current_task();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'current_task' runs before 'records_owner' first suspends: under lazy start it sees the spawned task, under eager start the task that spawned it [eager-current-task-in-prefix]
  // CHECK-MESSAGES: :[[@LINE+44]]:3: note: task spawned here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: first suspension point of 'records_owner' is here
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}rt::task<> records_owner() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  g_owner = rt::current_task();{{$}}

rt::task<> cancels_itself(bool stop) {
  if (stop)
    rt::current_task().cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'current_task' runs before 'cancels_itself' first suspends
  co_await rt::sleep(1);
}

rt::task<> who() {
  auto me = rt::current_task();
  (void)me.id();
  co_await rt::yield_now();
}

// Through an inline-awaited helper.
rt::task<> asks_helper() {
  co_await who();
  // CHECK-MESSAGES: :[[@LINE-8]]:13: warning: 'current_task' runs before 'asks_helper' first suspends
}

struct session {
  rt::task_ref m_self;
  rt::task<> serve() {
    m_self = rt::current_task();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'current_task' runs before 'session::serve' first suspends
    co_await rt::yield_now();
  }
};

rt::task<> loops(int n) {
  for (int i = 0; i < n; ++i)
    co_await rt::yield_now();
  g_owner = rt::current_task();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'current_task' runs before 'loops' first suspends
}

rt::task<> parent(session &s) {
  rt::create_task(records_owner());
  rt::create_task(cancels_itself(false));
  rt::create_task(asks_helper());
  rt::create_task(s.serve());
  rt::create_task(loops(2));
  rt::create_task([]() -> rt::task<> {
    g_owner = rt::current_task();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'current_task' runs before the lambda at {{[^ ]+}}:{{[0-9]+}}:{{[0-9]+}} first suspends
    co_await rt::yield_now();
  }());
  co_await rt::yield_now();
}

// Negatives.

rt::task<> suspends_first() {
  co_await rt::yield_now();
  g_owner = rt::current_task();
}

rt::task<> not_spawned_here() {
  g_owner = rt::current_task();
  co_await rt::yield_now();
}

rt::task<> nolint() {
  g_owner = rt::current_task(); // NOLINT(eager-current-task-in-prefix)
  co_await rt::yield_now();
}

rt::task<> spawner() {
  rt::create_task(suspends_first());
  rt::create_task(nolint());
  co_await not_spawned_here();
}
