// RUN: %check_clang_tidy %s eager-cancel-before-start,eager-done-after-spawn %t -- -- %mock_rt

// The handle is a class template (task_handle<T>), as in the reference
// runtime: its members must match the profile's `eagerlint::rt::task_handle::
// cancel`, `...::done`, without template arguments.

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> work() {
  co_await rt::yield_now();
  co_return 1;
}

rt::task<> handle_of_int() {
  rt::task_handle<int> t = rt::create_task(work());
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends
  bool d = t.done();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'done()' on task 't' running 'work' right after spawning it
  (void)d;
  co_await t;
}
