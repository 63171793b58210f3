// The worked example of docs/runtimes.md ("Describing an in-house runtime"),
// taken from the page itself: that exact configuration, and nothing else,
// describes the in-house runtime of Inputs/inhouse-mock to every check.
// Each option is exercised: the six checks fire through the configured
// names, `co_await app::this_task` does not end a prefix, a dropped handle
// cancels, `start_lazily` keeps a spawn quiet, EagerTypes flips `app::task`,
// and the fix-its insert the configured yield and header and compile.
//
// RUN: sed -n '/^## Describing an in-house runtime/,$p' %S/../../docs/runtimes.md \
// RUN:   | sed -n '/^```yaml/,/^```$/p' | sed '1d;$d' > %t.yaml
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// YAML: Profile: reference
// YAML: EagerTypes: 'app::task'
// RUN: %check_clang_tidy %s 'eager-*' %t -- --config-file=%t.yaml -- -nostdinc++ -isystem %inputs/std -isystem %inputs/inhouse-mock
// RUN: grep -c '^ *co_await app::reschedule();$' %t.cpp | FileCheck %s --check-prefix=YIELDS
// YIELDS: 7
// RUN: grep '^#include "app/reschedule.h"$' %t.cpp
#include <app/runtime.h>

namespace app {

int g_state = 0;

task<int> fetch() {
  int seen = g_state;
  co_await std::suspend_always{};
  co_return seen;
}

// cancel-before-start
task<> cancels(executor &ex) {
  auto h = ex.spawn(fetch());
  h.cancel();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'h' running 'fetch' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await std::suspend_always{};
}

// done-after-spawn
task<> polls(executor &ex) {
  auto h = ex.spawn(fetch());
  if (h.done())
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'done()' on task 'h' running 'fetch' right after spawning it{{.*}} [eager-done-after-spawn]
    g_state = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'g_state' is written after spawning 'fetch', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await std::suspend_always{};
}

// state-after-spawn
task<> writes(executor &ex) {
  auto h = ex.spawn(fetch());
  g_state = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'g_state' is written after spawning 'fetch', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await std::suspend_always{};
}

// A handle dropped at once cancels its task.
task<> drops(executor &ex) {
  ex.spawn(fetch());
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: the result of this call is discarded, which cancels 'fetch' before it first suspends{{.*}} [eager-cancel-before-start]
  co_await std::suspend_always{};
}

// start_lazily: this spawn does not change when the default flips.
task<> stays_lazy(executor &ex) {
  auto h = ex.spawn(fetch(), start_lazily);
  g_state = 3;
  h.cancel();
  co_await std::suspend_always{};
}

// timeout-in-prefix and current-task-in-prefix; `co_await this_task` does
// not end the prefix.
task<int> guarded() {
  task_id me = co_await this_task;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'this_task' runs before 'guarded' first suspends{{.*}} [eager-current-task-in-prefix]
  task_id again = current_task();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'current_task' runs before 'guarded' first suspends{{.*}} [eager-current-task-in-prefix]
  int r = co_await with_deadline(10, fetch());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'with_deadline' is entered before 'guarded' first suspends{{.*}} [eager-timeout-in-prefix]
  co_return r + me.value + again.value;
}

task<> spawns_guarded(executor &ex) {
  auto h = ex.spawn(guarded());
  co_await std::suspend_always{};
}

// recursive-spawn
executor *g_ex = nullptr;
task<> crawl(int depth) {
  if (depth > 0)
    auto h = g_ex->spawn(crawl(depth - 1));
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'crawl' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  co_await std::suspend_always{};
}

// EagerTypes: 'app::task': creating one without awaiting it at once is an
// eager start.
task<> flips() {
  auto t = fetch();
  g_state = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'g_state' is written after spawning 'fetch', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await t;
}

task<> flips_discarded() {
  fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the result of this call is discarded, which cancels 'fetch' before it first suspends{{.*}} [eager-cancel-before-start]
  co_await std::suspend_always{};
}

// Awaited at once: no hazard under either policy.
task<> awaits_at_once() {
  int v = co_await fetch();
  g_state = v;
}

} // namespace app
