// RUN: %check_clang_tidy %s eager-cancel-before-start %t -- -- %mock_rt

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> work() {
  co_await rt::yield_now();
  co_return 1;
}

// Positives.

rt::task<> direct() {
  auto t = rt::create_task(work());
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends: under lazy start 'work' never runs, under eager start it runs until its first suspension point and is cancelled there [eager-cancel-before-start]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: task spawned here
  // CHECK-MESSAGES: :8:3: note: first suspension point of 'work' is here
  co_await t;
}
// CHECK-FIXES: {{^}}rt::task<> direct() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  auto t = rt::create_task(work());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  t.cancel();{{$}}

rt::task<> on_loop_with_policy(rt::event_loop &loop) {
  rt::task_handle<int> t = loop.create_task(work(), rt::start_policy::eager);
  auto copy = t;
  copy.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'copy' running 'work' is cancelled before it first suspends
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  rt::task_handle<int> t = loop.create_task(work(), rt::start_policy::eager);{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  auto copy = t;{{$}}

// An explicitly lazy spawn does not change when the default flips.
rt::task<> on_loop_explicitly_lazy(rt::event_loop &loop) {
  auto t = loop.create_task(work(), rt::start_policy::lazy);
  t.cancel();
  co_await rt::yield_now();
}

rt::task<> in_group(rt::task_group &group) {
  auto t = group.create_task(work());
  auto &alias = t;
  alias.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: task 'alias' running 'work' is cancelled before it first suspends
  co_await rt::yield_now();
}

rt::task<> lambda_in_place(int &counter) {
  auto t = rt::create_task([&]() -> rt::task<> {
    ++counter;
    co_await rt::yield_now();
  }());
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running the lambda at {{[^ ]+}}:{{[0-9]+}}:{{[0-9]+}} is cancelled before it first suspends: under lazy start the lambda at {{[^ ]+}}:{{[0-9]+}}:{{[0-9]+}} never runs
  // CHECK-MESSAGES: :[[@LINE-6]]:12: note: task spawned here
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: first suspension point of the lambda at {{[^ ]+}}:{{[0-9]+}}:{{[0-9]+}} is here
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  }());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  t.cancel();{{$}}

struct worker {
  int runs = 0;
  rt::task<> run() {
    ++runs;
    co_await rt::yield_now();
  }
};

rt::task<> member_coroutine(worker &w) {
  auto t = rt::create_task(w.run());
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'worker::run' is cancelled before it first suspends
  co_await rt::yield_now();
}

rt::task<> finishes_inline() { co_return; }

// The window runs on through an awaited coroutine that never suspends.
rt::task<> through_inline_awaited_helper() {
  auto t = rt::create_task(work());
  co_await finishes_inline();
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends
  co_await rt::yield_now();
}

rt::task<> in_branch(bool stop) {
  auto t = rt::create_task(work());
  if (stop)
    t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: task 't' running 'work' is cancelled before it first suspends
  co_await rt::yield_now();
}

rt::task<> in_loop(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = rt::create_task(work());
    t.cancel();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: task 't' running 'work' is cancelled before it first suspends
  }
  co_await rt::yield_now();
}
// Indentation follows the spawn statement.
// CHECK-FIXES: {{^}}    auto t = rt::create_task(work());{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}    t.cancel();{{$}}

// A loop that may run zero times does not separate the spawn from the cancel.
rt::task<> loop_may_not_suspend(int n) {
  auto t = rt::create_task(work());
  for (int i = 0; i < n; ++i)
    co_await rt::yield_now();
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends
}

// A trailing comment stays on the spawn's line; the yield goes below it.
rt::task<> trailing_comment() {
  auto t = rt::create_task(work()); // start the worker
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  auto t = rt::create_task(work()); // start the worker{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}

// The spawner cannot co_await: no fix-it, and the message says why.
void not_a_coroutine(rt::event_loop &loop) {
  auto t = loop.create_task(work());
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends: under lazy start 'work' never runs, under eager start it runs until its first suspension point and is cancelled there [eager-cancel-before-start]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'not_a_coroutine' is not a coroutine and cannot co_await a yield point
}
// CHECK-FIXES: {{^}}void not_a_coroutine(rt::event_loop &loop) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  auto t = loop.create_task(work());{{$}}
// CHECK-FIXES-NEXT: {{^}}  t.cancel();{{$}}

// Negatives.

rt::task<> suspends_first() {
  auto t = rt::create_task(work());
  co_await rt::sleep(1);
  t.cancel();
}

rt::task<> suspending_helper() { co_await rt::yield_now(); }

rt::task<> suspends_in_awaited_helper() {
  auto t = rt::create_task(work());
  co_await suspending_helper();
  t.cancel();
}

rt::task<> unrelated_handle(rt::task_handle<int> other) {
  auto t = rt::create_task(work());
  other.cancel();
  co_await t;
}

void cancel_elsewhere(rt::task_handle<int> t) { t.cancel(); }

rt::task<> cancelled_in_another_function() {
  auto t = rt::create_task(work());
  co_await rt::yield_now();
  cancel_elsewhere(t);
}

rt::task<> nolint() {
  auto t = rt::create_task(work());
  t.cancel(); // NOLINT(eager-cancel-before-start)
  co_await rt::yield_now();
}

rt::task<> nolintnextline() {
  auto t = rt::create_task(work());
  // NOLINTNEXTLINE(eager-*)
  t.cancel();
  co_await rt::yield_now();
}
// Suppressed findings keep their code as it is.
// CHECK-FIXES: {{^}}rt::task<> nolint() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  auto t = rt::create_task(work());{{$}}
// CHECK-FIXES-NEXT: {{^}}  t.cancel(); // NOLINT(eager-cancel-before-start){{$}}
