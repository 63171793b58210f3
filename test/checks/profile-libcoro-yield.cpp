// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: libcoro, YieldStatement: 'co_await tp.yield();', YieldHeader: '<coro/coro.hpp>'}}" -- -- %mock_libcoro
// RUN: %clangxx -std=c++20 -fsyntax-only %mock_libcoro %t.cpp

// libcoro with the yield a team configures for its thread pool: the fix-it
// inserts it after the spawn, and the result compiles.

#include <coro/coro.hpp>

int g_completed = 0;

coro::task<void> count_one() {
  ++g_completed;
  co_return;
}

coro::task<void> checks_counter(coro::thread_pool &tp) {
  auto joined = tp.spawn_joinable(count_one());
  if (g_completed == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'g_completed' is read after spawning 'count_one', whose prefix writes it: under lazy start this read sees the old value, under eager start the prefix's write [eager-state-after-spawn]
    co_return;
  co_await joined;
}
// CHECK-FIXES: {{^}}  auto joined = tp.spawn_joinable(count_one());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await tp.yield();{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (g_completed == 0){{$}}
