// RUN: %check_clang_tidy %s eager-cancel-before-start,eager-done-after-spawn %t -- -- %mock_rt

// When the spawn statement itself cancels or queries the handle, no yield
// inserted after that statement can help: the finding must come without a
// fix-it (and applying fixes twice must not insert a second yield).

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> work() {
  co_await rt::yield_now();
  co_return 1;
}

rt::task<> cancel_in_spawn_statement() {
  rt::create_task(work()).cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: task 'rt::create_task(work())' running 'work' is cancelled before it first suspends: {{[^;]*}} [eager-cancel-before-start]
  // CHECK-MESSAGES: :[[@LINE-2]]:27: note: no fix-it: the spawn statement itself uses the task
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  rt::create_task(work()).cancel();{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await rt::yield_now();{{$}}

rt::task<> query_in_spawn_statement() {
  bool done = rt::create_task(work()).done();
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'done()' on task 'rt::create_task(work())' running 'work' right after spawning it: {{[^;]*}} [eager-done-after-spawn]
  // CHECK-MESSAGES: :[[@LINE-2]]:39: note: no fix-it: the spawn statement itself uses the task
  (void)done;
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  bool done = rt::create_task(work()).done();{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  (void)done;{{$}}
