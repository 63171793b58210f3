// RUN: %check_clang_tidy %s eager-state-after-spawn %t -- -- %mock_rt

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

int g_config = 0;
int g_seen = 0;

rt::task<> reader() {
  g_seen = g_config;
  co_await rt::yield_now();
}

// Positives.

rt::task<> writes_global() {
  auto t = rt::create_task(reader());
  g_config = 42;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'g_config' is written after spawning 'reader', whose prefix reads it: under lazy start 'reader' sees this write, under eager start its prefix has already run [eager-state-after-spawn]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: task spawned here
  // CHECK-MESSAGES: :11:12: note: the coroutine's prefix reads 'g_config' here
  // CHECK-MESSAGES: :12:3: note: first suspension point of 'reader' is here
  co_await t;
}
// CHECK-FIXES: {{^}}  auto t = rt::create_task(reader());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  g_config = 42;{{$}}

rt::task<> reads_global() {
  rt::create_task(reader());
  int seen = g_seen;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'g_seen' is read after spawning 'reader', whose prefix writes it: under lazy start this read sees the old value, under eager start the prefix's write [eager-state-after-spawn]
  (void)seen;
  co_await rt::yield_now();
}
// CHECK-FIXES: {{^}}  rt::create_task(reader());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seen = g_seen;{{$}}

rt::task<> fills(int &out) {
  out = 1;
  co_await rt::yield_now();
}

rt::task<> by_reference_parameter() {
  int value = 0;
  rt::create_task(fills(value));
  value = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'value' is written after spawning 'fills', whose prefix also writes it: which write lands last depends on the start policy [eager-state-after-spawn]
  co_await rt::yield_now();
}

struct service {
  int m_state = 0;
  rt::task<> loop() {
    if (m_state > 0)
      ++m_state;
    co_await rt::yield_now();
  }
  rt::task<> start() {
    rt::create_task(loop());
    m_state = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'm_state' is written after spawning 'service::loop', whose prefix reads it
    co_await rt::yield_now();
  }
};
// CHECK-FIXES: {{^}}    rt::create_task(loop());{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await eagerlint::rt::yield_now();{{$}}
// CHECK-FIXES-NEXT: {{^}}    m_state = 1;{{$}}

rt::task<> reads_config() {
  g_seen = g_config;
  co_await rt::yield_now();
}

rt::task<> awaits_helper() { co_await reads_config(); }

// The prefix follows inline-awaited coroutines.
rt::task<> through_awaited_helper() {
  rt::create_task(awaits_helper());
  g_config = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'g_config' is written after spawning 'awaits_helper', whose prefix reads it
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: task spawned here
  // CHECK-MESSAGES: :[[@LINE-12]]:12: note: the coroutine's prefix reads 'g_config' here
  co_await rt::yield_now();
}

rt::task<> lambda_by_reference() {
  int shared = 0;
  rt::create_task([&shared]() -> rt::task<> {
    shared += 1;
    co_await rt::yield_now();
  }());
  shared = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'shared' is written after spawning the lambda at {{[^ ]+}}:{{[0-9]+}}:{{[0-9]+}}, whose prefix reads it
  co_await rt::yield_now();
}

rt::task<> in_loop(int n) {
  for (int i = 0; i < n; ++i) {
    rt::create_task(reader());
    g_config = i;
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'g_config' is written after spawning 'reader', whose prefix reads it
  }
  co_await rt::yield_now();
}

rt::task<> in_branch(bool reset) {
  rt::create_task(reader());
  if (reset)
    g_config = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'g_config' is written after spawning 'reader', whose prefix reads it
  co_await rt::yield_now();
}

static int s_counter;
rt::task<> bump() {
  ++s_counter;
  co_await rt::yield_now();
}

// No fix-it in a function that cannot co_await.
void not_a_coroutine(rt::event_loop &loop) {
  loop.create_task(bump());
  s_counter = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 's_counter' is written after spawning 'bump', whose prefix reads it: under lazy start 'bump' sees this write, under eager start its prefix has already run [eager-state-after-spawn]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: no fix-it: 'not_a_coroutine' is not a coroutine and cannot co_await a yield point
}
// CHECK-FIXES: {{^}}  loop.create_task(bump());{{$}}
// CHECK-FIXES-NEXT: {{^}}  s_counter = 0;{{$}}

// Negatives.

rt::task<> suspends_first() {
  rt::create_task(reader());
  co_await rt::yield_now();
  g_config = 1;
}

rt::task<> copies(int in) {
  g_seen = in;
  co_await rt::yield_now();
}

rt::task<> by_value_parameter() {
  int value = 0;
  rt::create_task(copies(value));
  value = 2;
  co_await rt::yield_now();
}

rt::task<> lambda_by_copy() {
  int shared = 0;
  rt::create_task([shared]() -> rt::task<> {
    g_config = shared;
    co_await rt::yield_now();
  }());
  shared = 5;
  co_await rt::yield_now();
}

rt::task<> unrelated_state() {
  rt::create_task(reader());
  int local = 3;
  ++local;
  (void)local;
  co_await rt::yield_now();
}

// Both only read.
rt::task<> only_reads() {
  rt::create_task(reader());
  int copy = g_config;
  (void)copy;
  co_await rt::yield_now();
}

rt::task<> nolint() {
  rt::create_task(reader());
  g_config = 3; // NOLINT(eager-state-after-spawn)
  co_await rt::yield_now();
}
