// RUN: %check_clang_tidy %s eager-timeout-in-prefix %t -- -- %real_rt

#include <eagerlint/runtime.hpp>

#include <chrono>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

rt::task<int> fetch() {
  co_await rt::sleep(5ms);
  co_return 1;
}

rt::task<> bounded_fetch() {
  try {
    co_await rt::timeout(10ms, fetch());
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'timeout' is entered before 'bounded_fetch' first suspends{{.*}} [eager-timeout-in-prefix]
  } catch (const rt::timeout_error &) {
  }
}
// CHECK-FIXES: {{^}}rt::task<> bounded_fetch() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  try {{{$}}

rt::task<> main_task() {
  auto t = rt::create_task(bounded_fetch());
  co_await t;
}

int main() { rt::run(main_task()); }
