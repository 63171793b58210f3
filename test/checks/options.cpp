// Every name list, the yield statement and its header, configured two ways:
// global keys (one .clang-tidy entry for all checks) and the check's own keys.
//
// RUN: %check_clang_tidy -check-suffix=GLOBAL %s 'eager-*' %t -- \
// RUN:   -config="{CheckOptions: { \
// RUN:     SpawnFunctions: 'lib::launch', \
// RUN:     CancelFunctions: 'lib::handle::stop', \
// RUN:     StateQueryFunctions: 'lib::handle::finished', \
// RUN:     TimeoutFunctions: 'lib::deadline', \
// RUN:     AmbientTaskFunctions: 'lib::whoami', \
// RUN:     NeverSuspendingAwaitables: 'lib::instant', \
// RUN:     YieldStatement: 'co_await lib::reschedule();', \
// RUN:     YieldHeader: '\"lib/reschedule.h\"'}}" \
// RUN:   -- %mock_rt -I %inputs/custom
//
// Local keys win over global ones; only the cancel check gets lib::launch.
// RUN: %check_clang_tidy -check-suffix=LOCAL %s 'eager-cancel-before-start,eager-done-after-spawn' %t -- \
// RUN:   -config="{CheckOptions: { \
// RUN:     SpawnFunctions: 'nothing::here', \
// RUN:     eager-cancel-before-start.SpawnFunctions: 'lib::launch', \
// RUN:     CancelFunctions: 'lib::handle::stop', \
// RUN:     StateQueryFunctions: 'lib::handle::finished', \
// RUN:     NeverSuspendingAwaitables: 'lib::instant', \
// RUN:     eager-cancel-before-start.YieldStatement: 'co_await lib::reschedule(); // eager start', \
// RUN:     YieldHeader: '\"lib/reschedule.h\"'}}" \
// RUN:   -- %mock_rt -I %inputs/custom

#include <eagerlint/runtime.hpp>

// CHECK-FIXES-GLOBAL: {{^}}#include <eagerlint/runtime.hpp>{{$}}
// CHECK-FIXES-GLOBAL: {{^}}#include "lib/reschedule.h"{{$}}
// CHECK-FIXES-LOCAL: {{^}}#include <eagerlint/runtime.hpp>{{$}}
// CHECK-FIXES-LOCAL: {{^}}#include "lib/reschedule.h"{{$}}

namespace rt = eagerlint::rt;

namespace lib {
struct handle {
  void stop() {}
  bool finished() const { return false; }
};
template <class T> handle launch(rt::task<T>) { return {}; }
inline rt::task<> deadline(int, rt::task<> body) { return body; }
inline int whoami() { return 0; }
// Never suspends although its await_ready() is not a constant.
struct instant {
  bool await_ready() const noexcept { return ready; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
  bool ready = true;
};
} // namespace lib

int g_owner = 0;

rt::task<> child() {
  g_owner = lib::whoami();
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-1]]:13: warning: 'whoami' runs before 'child' first suspends{{.*}} [eager-current-task-in-prefix]
  co_await lib::deadline(5, child());
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-1]]:12: warning: 'deadline' is entered before 'child' first suspends{{.*}} [eager-timeout-in-prefix]
}
// CHECK-FIXES-GLOBAL: {{^}}rt::task<> child() {{{$}}
// CHECK-FIXES-GLOBAL-NEXT: {{^}}  co_await lib::reschedule();{{$}}

rt::task<> parent() {
  lib::handle h = lib::launch(child());
  co_await lib::instant{};
  h.stop();
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-1]]:5: warning: task 'h' running 'child' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  // CHECK-MESSAGES-LOCAL: :[[@LINE-2]]:5: warning: task 'h' running 'child' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  if (h.finished())
    // CHECK-MESSAGES-GLOBAL: :[[@LINE-1]]:9: warning: 'finished()' on task 'h' running 'child' right after spawning it{{.*}} [eager-done-after-spawn]
    co_return;
  co_await rt::yield_now();
}
// CHECK-FIXES-GLOBAL: {{^}}  lib::handle h = lib::launch(child());{{$}}
// CHECK-FIXES-GLOBAL-NEXT: {{^}}  co_await lib::reschedule();{{$}}
// CHECK-FIXES-GLOBAL-NEXT: {{^}}  co_await lib::instant{};{{$}}
// CHECK-FIXES-LOCAL: {{^}}  lib::handle h = lib::launch(child());{{$}}
// CHECK-FIXES-LOCAL-NEXT: {{^}}  co_await lib::reschedule(); // eager start{{$}}
// CHECK-FIXES-LOCAL-NEXT: {{^}}  co_await lib::instant{};{{$}}
