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

//
// A list entry that is no qualified name (template arguments, a parameter
// list, a stray character) names nothing the checks could match: the same
// kind of error, naming the option and the entry.
// RUN: not %clang_tidy --checks='-*,eager-cancel-before-start' \
// RUN:   -config="{CheckOptions: {EagerTypes: 'app::task<int>'}}" %s -- -std=c++20 %mock_rt 2>&1 \
// RUN:   | FileCheck %s --check-prefix=EAGER-TYPES --implicit-check-not=warning:
// RUN: not %clang_tidy --checks='-*,eager-cancel-before-start' \
// RUN:   -config="{CheckOptions: {SpawnFunctions: 'app::spawn(task)', UnsharedTypes: 'app::loop'}}" %s -- -std=c++20 %mock_rt 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SPAWN-FUNCTIONS --implicit-check-not=warning:
// RUN: not %clang_tidy --checks='-*,eager-cancel-before-start' \
// RUN:   -config="{CheckOptions: {UnsharedTypes: 'app::loop;::'}}" %s -- -std=c++20 %mock_rt 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNSHARED --implicit-check-not=warning:
// An operator is a function name; a `;`-separated list may end with `;`.
// RUN: %clang_tidy --checks='-*,eager-cancel-before-start' \
// RUN:   -config="{CheckOptions: {TimeoutFunctions: '::app::operator||;', EagerTypes: '::app::task;'}}" %s -- -std=c++20 %mock_rt 2>&1 \
// RUN:   | FileCheck %s --check-prefix=VALID --implicit-check-not=error:

// EAGER-TYPES: error: EagerTypes entry 'app::task<int>' names no type (write a qualified name without template arguments or parameters, such as 'app::task') in the options of check 'eager-cancel-before-start'; the check is disabled [clang-tidy-config]
// SPAWN-FUNCTIONS: error: SpawnFunctions entry 'app::spawn(task)' names no function or variable (write a qualified name without template arguments or parameters, such as 'app::executor::spawn') in the options of check 'eager-cancel-before-start'; the check is disabled [clang-tidy-config]
// UNSHARED: error: UnsharedTypes entry '::' names no type
// VALID: warning: task 't' running 'work' is cancelled before it first suspends
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
