// RUN: %check_clang_tidy %s eager-recursive-spawn %t -- -- %real_rt

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<> walk(int depth) {
  if (depth > 0)
    rt::create_task(walk(depth - 1));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'walk' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}rt::task<> walk(int depth) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}

int main() { rt::run(walk(100000), rt::start_policy::eager); }
