// RUN: %check_clang_tidy %s eager-cancel-before-start %t -- -- %real_rt

// Against the reference runtime itself (runtime/include, as a user's -I).

#include <eagerlint/runtime.hpp>

#include <chrono>
#include <cstdio>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

rt::task<int> worker() {
  std::puts("worker started");
  co_await rt::sleep(10ms);
  co_return 1;
}

rt::task<> main_task() {
  rt::task_handle<int> t = rt::create_task(worker());
  t.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 't' running 'worker' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  try {
    co_await t;
  } catch (const rt::cancelled_error &) {
    std::puts("cancelled");
  }
}
// CHECK-FIXES: {{^}}  rt::task_handle<int> t = rt::create_task(worker());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  t.cancel();{{$}}

int main() { rt::run(main_task()); }
