// RUN: %check_clang_tidy %s eager-done-after-spawn %t -- -- %mock_rt

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> quick() { co_return 1; }

rt::task<int> slow() {
  co_await rt::sleep(5);
  co_return 2;
}

// Positives.

rt::task<> polls_done() {
  auto t = rt::create_task(quick());
  if (t.done())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'done()' on task 't' running 'quick' right after spawning it: under lazy start the task has not started yet, under eager start it may already have run or finished [eager-done-after-spawn]
    // CHECK-MESSAGES: :[[@LINE-3]]:12: note: task spawned here
    co_return;
  co_await t;
}
// CHECK-FIXES: {{^}}  auto t = rt::create_task(quick());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (t.done()){{$}}

rt::task<> reads_result() {
  auto t = rt::create_task(quick());
  int r = t.result();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'result()' on task 't' running 'quick' right after spawning it
  (void)r;
  co_await rt::yield_now();
}

rt::task<> asks_cancelled(rt::event_loop &loop) {
  auto t = loop.create_task(slow(), rt::start_policy::eager);
  bool c = t.cancelled();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'cancelled()' on task 't' running 'slow' right after spawning it
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: task spawned here
  // CHECK-MESSAGES: :10:3: note: first suspension point of 'slow' is here
  (void)c;
  co_await rt::yield_now();
}

rt::task<> lambda_in_place() {
  auto t = rt::create_task([]() -> rt::task<int> { co_return 3; }());
  bool d = t.done();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'done()' on task 't' running the lambda at {{[^ ]+}}:{{[0-9]+}}:{{[0-9]+}} right after spawning it
  (void)d;
  co_await rt::yield_now();
}

struct job {
  rt::task<int> run() { co_return 4; }
};

rt::task<> member_coroutine(job &j) {
  auto t = rt::create_task(j.run());
  auto copy = t;
  while (!copy.done())
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'done()' on task 'copy' running 'job::run' right after spawning it
    co_await rt::yield_now();
}

rt::task<> finishes_inline() { co_return; }

rt::task<> through_inline_awaited_helper() {
  auto t = rt::create_task(quick());
  co_await finishes_inline();
  if (t.done())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'done()' on task 't' running 'quick' right after spawning it
    co_return;
  co_await t;
}

rt::task<> in_loop(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = rt::create_task(quick());
    if (t.done())
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'done()' on task 't' running 'quick' right after spawning it
      continue;
    co_await t;
  }
}
// CHECK-FIXES: {{^}}    auto t = rt::create_task(quick());{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (t.done()){{$}}

bool not_a_coroutine(rt::event_loop &loop) {
  auto t = loop.create_task(quick());
  return t.done();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'done()' on task 't' running 'quick' right after spawning it: under lazy start the task has not started yet, under eager start it may already have run or finished [eager-done-after-spawn]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: no fix-it: 'not_a_coroutine' is not a coroutine and cannot co_await a yield point
}

// Negatives.

rt::task<> waits_first() {
  auto t = rt::create_task(quick());
  co_await rt::yield_now();
  if (t.done())
    co_return;
}

rt::task<> awaits_the_task() {
  auto t = rt::create_task(slow());
  int r = co_await t;
  (void)r;
  (void)t.result();
}

rt::task<> other_handle(rt::task_handle<int> other) {
  auto t = rt::create_task(quick());
  bool d = other.done();
  (void)d;
  co_await t;
}

rt::task<> nolint() {
  auto t = rt::create_task(quick());
  bool d = t.done(); // NOLINT
  (void)d;
  co_await t;
}
