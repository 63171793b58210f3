// RUN: %check_clang_tidy %s eager-done-after-spawn %t -- -- %real_rt

#include <eagerlint/runtime.hpp>

#include <cstdio>

namespace rt = eagerlint::rt;

rt::task<int> answer() { co_return 42; }

rt::task<> main_task() {
  auto t = rt::create_task(answer());
  if (t.done())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'done()' on task 't' running 'answer' right after spawning it{{.*}} [eager-done-after-spawn]
    std::printf("%d\n", t.result());
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'result()' on task 't' running 'answer' right after spawning it{{.*}} [eager-done-after-spawn]
  co_await t;
}
// CHECK-FIXES: {{^}}  auto t = rt::create_task(answer());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}

int main() { rt::run(main_task(), rt::start_policy::eager); }
