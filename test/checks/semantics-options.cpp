// RUN: %check_clang_tidy -check-suffix=CREATOR %s 'eager-*' %t -- -- %mock_rt
// RUN: %check_clang_tidy -check-suffix=CHILD %s 'eager-*' %t -config="{CheckOptions: {PrefixIdentity: child}}" -- -- %mock_rt
// RUN: %check_clang_tidy -check-suffix=DISPATCH %s 'eager-*' %t -config="{CheckOptions: {SpawnStart: dispatch}}" -- -- %mock_rt

// The runtime semantics are options (docs/runtimes.md): the same code under
// each value states both outcomes.

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

int g_seen = 0;

rt::task<> reads_seen() {
  int Seen = g_seen;
  (void)Seen;
  co_await rt::yield_now();
}

rt::task<> guarded() {
  co_await rt::timeout(5, reads_seen());
  // CHECK-MESSAGES-CREATOR: :[[@LINE-1]]:12: warning: 'timeout' is entered before 'guarded' first suspends{{.*}} [eager-timeout-in-prefix]
  // CHECK-MESSAGES-DISPATCH: :[[@LINE-2]]:12: warning: 'timeout' is entered before 'guarded' first suspends{{.*}} [eager-timeout-in-prefix]
}

rt::task<> spawns_guarded() {
  auto T = rt::create_task(guarded());
  co_await T;
}

// A spawn from set-up code that starts the loop posts under dispatch: the
// task cannot run before run() does.
int main_like() {
  rt::event_loop Loop;
  auto T = Loop.create_task(reads_seen());
  g_seen = 1;
  // CHECK-MESSAGES-CREATOR: :[[@LINE-1]]:10: warning: 'g_seen' is written after spawning 'reads_seen', whose prefix reads it{{.*}} [eager-state-after-spawn]
  // CHECK-MESSAGES-CHILD: :[[@LINE-2]]:10: warning: 'g_seen' is written after spawning 'reads_seen', whose prefix reads it{{.*}} [eager-state-after-spawn]
  Loop.run_until_complete(reads_seen());
  return 0;
}

// From a coroutine every start policy runs the child inline.
rt::task<> writes_after_spawn_in_loop() {
  auto T = rt::create_task(reads_seen());
  g_seen = 2;
  // CHECK-MESSAGES-CREATOR: :[[@LINE-1]]:10: warning: 'g_seen' is written after spawning 'reads_seen'{{.*}} [eager-state-after-spawn]
  // CHECK-MESSAGES-CHILD: :[[@LINE-2]]:10: warning: 'g_seen' is written after spawning 'reads_seen'{{.*}} [eager-state-after-spawn]
  // CHECK-MESSAGES-DISPATCH: :[[@LINE-3]]:10: warning: 'g_seen' is written after spawning 'reads_seen'{{.*}} [eager-state-after-spawn]
  co_await T;
}
