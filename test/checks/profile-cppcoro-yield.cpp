// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: cppcoro, YieldStatement: 'co_await pool.schedule();', YieldHeader: '<cppcoro/static_thread_pool.hpp>'}}" -- -- %mock_cppcoro -I %inputs/cppcoro-project
// RUN: %clangxx -std=c++20 -fsyntax-only %mock_cppcoro -I %inputs/cppcoro-project %t.cpp

// cppcoro with the yield a team configures for its own scheduler: the
// fix-its insert it and add its header, and the result compiles.

#include "pool.h"
#include <cppcoro/async_scope.hpp>
#include <cppcoro/task.hpp>

// CHECK-FIXES: {{^}}#include "pool.h"{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <cppcoro/async_scope.hpp>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <cppcoro/static_thread_pool.hpp>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <cppcoro/task.hpp>{{$}}

int g_pending = 0;

cppcoro::task<> handle_request(cppcoro::static_thread_pool &pool) {
  ++g_pending;
  co_await pool.schedule();
}

cppcoro::task<> serve(cppcoro::static_thread_pool &pool,
                      cppcoro::async_scope &scope) {
  scope.spawn(handle_request(pool));
  g_pending = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'g_pending' is written after spawning 'handle_request', whose prefix reads it: under lazy start 'handle_request' sees this write, under eager start its prefix has already run [eager-state-after-spawn]
  co_await scope.join();
}
// CHECK-FIXES: {{^}}  scope.spawn(handle_request(pool));{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await pool.schedule();{{$}}
// CHECK-FIXES-NEXT: {{^}}  g_pending = 0;{{$}}
