// RUN: %check_clang_tidy %s eager-current-task-in-prefix %t -- -- %real_rt

#include <eagerlint/runtime.hpp>

#include <cstdio>

namespace rt = eagerlint::rt;

rt::task<> report() {
  std::printf("task %llu\n",
              static_cast<unsigned long long>(rt::current_task().id()));
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'current_task' runs before 'report' first suspends{{.*}} [eager-current-task-in-prefix]
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}rt::task<> report() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}

rt::task<> main_task() {
  rt::task_group group;
  group.create_task(report());
  co_await rt::yield_now();
}

int main() { rt::run(main_task()); }
