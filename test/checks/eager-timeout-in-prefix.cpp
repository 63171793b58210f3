// RUN: %check_clang_tidy %s eager-timeout-in-prefix %t -- -- %mock_rt

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> fetch() {
  co_await rt::sleep(3);
  co_return 1;
}

// Positives: each of these is spawned below.

rt::task<> guarded() {
  int v = co_await rt::timeout(10, fetch());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'timeout' is entered before 'guarded' first suspends: under lazy start it binds to the spawned task, under eager start to the task that spawned it, which the timeout then cancels [eager-timeout-in-prefix]
  // CHECK-MESSAGES: :[[@LINE+41]]:3: note: task spawned here
  // CHECK-MESSAGES: :[[@LINE-3]]:11: note: first suspension point of 'guarded' is here
  (void)v;
}
// CHECK-FIXES: {{^}}rt::task<> guarded() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  int v = co_await rt::timeout(10, fetch());{{$}}

rt::task<> limited() { co_await rt::timeout(10, fetch()); }

// The prefix follows inline-awaited coroutines; the fix goes into the
// spawned coroutine.
rt::task<> through_helper() {
  co_await limited();
  // CHECK-MESSAGES: :[[@LINE-6]]:33: warning: 'timeout' is entered before 'through_helper' first suspends
}
// CHECK-FIXES: {{^}}rt::task<> through_helper() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await limited();{{$}}

rt::task<> in_branch(bool hurry) {
  if (hurry) {
    co_await rt::timeout(1, fetch());
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'timeout' is entered before 'in_branch' first suspends
  }
  co_await rt::sleep(1);
}

struct client {
  rt::task<> poll() {
    for (int i = 0; i < 3; ++i)
      co_await rt::timeout(5, fetch());
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'timeout' is entered before 'client::poll' first suspends
  }
};
// Indentation follows the body.
// CHECK-FIXES: {{^}}  rt::task<> poll() {{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}    for (int i = 0; i < 3; ++i){{$}}

rt::task<> parent(client &c) {
  rt::create_task(guarded());
  rt::create_task(through_helper());
  rt::create_task(in_branch(true));
  rt::create_task(c.poll());
  rt::create_task([]() -> rt::task<> {
    co_await rt::timeout(2, fetch());
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'timeout' is entered before the lambda at {{[^ ]+}}:{{[0-9]+}}:{{[0-9]+}} first suspends
  }());
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  rt::create_task([]() -> rt::task<> {{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await rt::timeout(2, fetch());{{$}}

// Negatives.

rt::task<> suspends_first() {
  co_await rt::yield_now();
  co_await rt::timeout(10, fetch());
}

// Never spawned in this translation unit: awaited inline, a timeout binds to
// the awaiting task under both policies.
rt::task<> never_spawned() { co_await rt::timeout(10, fetch()); }

rt::task<> awaits_never_spawned() { co_await never_spawned(); }

rt::task<> nolint() {
  co_await rt::timeout(10, fetch()); // NOLINT(eager-timeout-in-prefix)
}

rt::task<> spawner() {
  rt::create_task(suspends_first());
  rt::create_task(nolint());
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}rt::task<> nolint() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await rt::timeout(10, fetch()); // NOLINT(eager-timeout-in-prefix){{$}}
