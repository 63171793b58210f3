// RUN: %check_clang_tidy %s 'eager-*' %t -- -- %mock_rt

// Spawns and bodies spelled by macros: findings, but no fix-it that would
// edit a macro.

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> work() {
  co_await rt::yield_now();
  co_return 1;
}

#define SPAWN(var, f) auto var = rt::create_task(f())
#define SPAWN_STATEMENT(var, f) auto var = rt::create_task(f());

// The statement ends outside the macro: the yield goes after it.
rt::task<> spawn_in_macro() {
  SPAWN(t, work);
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends{{.*}}there [eager-cancel-before-start]
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  SPAWN(t, work);{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  t.cancel();{{$}}

rt::task<> statement_in_macro() {
  SPAWN_STATEMENT(t, work)
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'work' is cancelled before it first suspends{{[^;]*}} [eager-cancel-before-start]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: the spawn statement is inside a macro
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  SPAWN_STATEMENT(t, work){{$}}
// CHECK-FIXES-NEXT: {{^}}  t.cancel();{{$}}

#define CORO_BODY(stmt) { stmt; co_await rt::yield_now(); }

rt::task<> macro_body(int n) CORO_BODY(if (n) rt::create_task(macro_body(n - 1)))
// CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: 'macro_body' spawns itself before its first suspension point{{[^;]*}} [eager-recursive-spawn]
// CHECK-MESSAGES: :[[@LINE-2]]:{{[0-9]+}}: note: no fix-it: the coroutine body is inside a macro

rt::task<> cancels_in_macro() {
  auto t = rt::create_task(work());
#define CANCEL_IT(h) h.cancel()
  CANCEL_IT(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 't' running 'work' is cancelled before it first suspends{{[^;]*}} [eager-cancel-before-start]
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  auto t = rt::create_task(work());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
