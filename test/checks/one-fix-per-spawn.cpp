// RUN: %check_clang_tidy %s 'eager-*' %t -- -- %mock_rt

// Three checks flag the same spawn: one yield is inserted, and a second run
// changes nothing (the runner applies the fixes twice).

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

int g_limit = 0;

rt::task<int> work() {
  int limit = g_limit;
  co_await rt::yield_now();
  co_return limit;
}

rt::task<> everything_at_once() {
  auto t = rt::create_task(work());
  g_limit = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'g_limit' is written after spawning 'work', whose prefix reads it{{.*}} [eager-state-after-spawn]
  if (!t.done())
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'done()' on task 't' running 'work' right after spawning it{{.*}} [eager-done-after-spawn]
    t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: task 't' running 'work' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  auto t = rt::create_task(work());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  g_limit = 3;{{$}}
