// An unknown SpawnStart or PrefixIdentity value is a configuration error in
// one line naming the option, the value and the known values; the check it
// configures reports nothing, the others still run.
//
// RUN: not %clang_tidy --checks='-*,eager-cancel-before-start' \
// RUN:   -config="{CheckOptions: {SpawnStart: sometimes}}" %s -- -std=c++20 %mock_rt 2>&1 \
// RUN:   | FileCheck %s --check-prefix=START --implicit-check-not=warning:
// RUN: not %clang_tidy --checks='-*,eager-*' \
// RUN:   -config="{CheckOptions: {eager-recursive-spawn.PrefixIdentity: parent}}" %s -- -std=c++20 %mock_rt 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOCAL

// START: error: unknown SpawnStart 'sometimes' (known: queued, inline, dispatch) in the options of check 'eager-cancel-before-start'; the check is disabled [clang-tidy-config]
// LOCAL: error: unknown PrefixIdentity 'parent' (known: creator, child) in the options of check 'eager-recursive-spawn'; the check is disabled [clang-tidy-config]
// LOCAL: warning: task 't' running 'work' is cancelled before it first suspends

#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> work() {
  co_await rt::yield_now();
  co_return 1;
}

rt::task<> cancels() {
  auto t = rt::create_task(work());
  t.cancel();
  co_await rt::yield_now();
}
