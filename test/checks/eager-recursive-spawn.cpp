// RUN: %check_clang_tidy %s eager-recursive-spawn %t -- -- %mock_rt

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

// Positives.

rt::task<> fan_out(int depth) {
  if (depth > 0)
    rt::create_task(fan_out(depth - 1));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'fan_out' spawns itself before its first suspension point: under lazy start each spawn is queued, under eager start the chain recurses on the stack [eager-recursive-spawn]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: first suspension point of 'fan_out' is here
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}rt::task<> fan_out(int depth) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (depth > 0){{$}}

rt::task<> ping(int n);

rt::task<> pong(int n) {
  rt::create_task(ping(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pong' spawns itself through 'ping' before its first suspension point
  co_await rt::yield_now();
}

rt::task<> ping(int n) {
  rt::create_task(pong(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ping' spawns itself through 'pong' before its first suspension point
  co_await rt::yield_now();
}

rt::task<> ring_a(int n);
rt::task<> ring_b(int n) { co_await ring_a(n); }
// A cycle through an inline-awaited coroutine: ring_c spawns ring_b, which
// awaits ring_a inline, which spawns ring_c. ring_a only leads into it.
rt::task<> ring_c(int n) {
  rt::create_task(ring_b(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ring_c' spawns itself through 'ring_b' before its first suspension point
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}rt::task<> ring_c(int n) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}

rt::task<> ring_a(int n) {
  if (n > 0)
    rt::create_task(ring_c(n - 1));
  co_await rt::yield_now();
}

struct tree {
  rt::task<> visit(rt::event_loop &loop, int n) {
    for (int i = 0; i < n; ++i)
      loop.create_task(visit(loop, n - 1));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'tree::visit' spawns itself before its first suspension point
    co_await rt::yield_now();
  }
};
// CHECK-FIXES: {{^}}  rt::task<> visit(rt::event_loop &loop, int n) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}    for (int i = 0; i < n; ++i){{$}}

// Negatives.

rt::task<> yields_first(int n) {
  co_await rt::yield_now();
  if (n > 0)
    rt::create_task(yields_first(n - 1));
}

rt::task<> leaf() { co_await rt::yield_now(); }

rt::task<> spawns_other() {
  rt::create_task(leaf());
  co_await rt::yield_now();
}

rt::task<> nolint(int n) {
  rt::create_task(nolint(n)); // NOLINT(eager-recursive-spawn)
  co_await rt::yield_now();
}
