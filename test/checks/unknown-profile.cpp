// An unknown profile is a configuration error that names the known ones, and
// the checks report nothing else.
//
// RUN: not %clang_tidy --checks='-*,eager-cancel-before-start' \
// RUN:   -config="{CheckOptions: {Profile: tokio}}" %s -- -std=c++20 %mock_rt 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang_tidy --checks='-*,eager-*' \
// RUN:   -config="{CheckOptions: {eager-recursive-spawn.Profile: Asio}}" %s -- -std=c++20 %mock_rt 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOCAL

// CHECK: error: unknown profile 'tokio' in option 'Profile' of check 'eager-cancel-before-start'; known profiles: reference, asio, cobalt, cppcoro, libcoro, folly, kj, seastar; the check is disabled [clang-tidy-config]
// LOCAL: error: unknown profile 'Asio' in option 'Profile' of check 'eager-recursive-spawn'; known profiles: reference, asio, cobalt, cppcoro, libcoro, folly, kj, seastar; the check is disabled [clang-tidy-config]
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
