// RUN: %check_clang_tidy %s 'eager-*' %t -- -- %mock_rt -I %inputs/wrapper

// The file reaches the runtime only through a project header: the fix-its
// add <eagerlint/runtime.hpp> once, although two checks fix this file.

#include "project_runtime.h"
#include <coroutine>

// CHECK-FIXES: {{^}}#include "project_runtime.h"{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <coroutine>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <eagerlint/runtime.hpp>{{$}}
// CHECK-FIXES-NOT: #include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> work() {
  co_await rt::yield_now();
  co_return 1;
}

rt::task<> cancels() {
  auto t = rt::create_task(work());
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await rt::yield_now();
}

rt::task<> polls() {
  auto t = rt::create_task(work());
  if (t.done())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'done()' on task 't' running 'work' right after spawning it{{.*}} [eager-done-after-spawn]
    co_return;
  co_await t;
}
// CHECK-FIXES: {{^}}  auto t = rt::create_task(work());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
