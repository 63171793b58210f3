// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: folly}}" -- -- %mock_folly
// RUN: %clangxx -std=c++20 -fsyntax-only %mock_folly %t.cpp

// The folly profile against a mock of folly::coro's names (Inputs/
// folly-mock): `Task` is lazy; `co_withExecutor(ex, t).start()` and
// `AsyncScope::add` queue it on the executor today (SpawnStart `queued`: the
// findings say what breaks when they start inline, as `startInlineUnsafe`
// already does). The child gets its own cancellation token before its first
// step (identity `child`): timeout-in-prefix and current-task-in-prefix do
// not apply.

#include <folly/coro/AsyncScope.h>
#include <folly/coro/Task.h>
#include <folly/coro/Timeout.h>

// CHECK-FIXES: {{^}}#include <folly/coro/AsyncScope.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <folly/coro/CurrentExecutor.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <folly/coro/Task.h>{{$}}

int g_requests = 0;

folly::coro::Task<int> handle() {
  int seen = ++g_requests;
  co_await folly::coro::co_reschedule_on_current_executor;
  co_return seen;
}

folly::coro::Task<void> starts_and_cancels() {
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  folly::CancellationSource source;
  folly::coro::co_withExecutor(ex, handle())
      .start([](auto &&) {}, source.getToken());
  source.requestCancellation();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'source' running 'handle' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await folly::coro::co_reschedule_on_current_executor;
}
// CHECK-FIXES: {{^}}      .start([](auto &&) {}, source.getToken());{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await folly::coro::co_reschedule_on_current_executor;{{$}}
// CHECK-FIXES-NEXT: {{^}}  source.requestCancellation();{{$}}

folly::coro::Task<void> polls_future() {
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  auto future = folly::coro::co_withExecutor(ex, handle()).startInlineUnsafe();
  if (future.isReady())
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'isReady()' on task 'future' running 'handle' right after spawning it{{.*}} [eager-done-after-spawn]
    co_return;
  co_await folly::coro::co_reschedule_on_current_executor;
}

folly::coro::Task<void> adds_then_resets(folly::coro::AsyncScope &scope) {
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  scope.add(folly::coro::co_withExecutor(ex, handle()));
  g_requests = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'g_requests' is written after spawning 'handle', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await scope.joinAsync();
}

folly::coro::Task<void> crawl(folly::coro::CancellableAsyncScope &scope,
                              int depth) {
  if (depth > 0)
    co_await scope.co_schedule(crawl(scope, depth - 1));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'crawl' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  co_await folly::coro::co_reschedule_on_current_executor;
}

folly::coro::Task<void> crawl_added(folly::coro::AsyncScope &scope, int depth) {
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  if (depth > 0)
    scope.add(folly::coro::co_withExecutor(ex, crawl_added(scope, depth - 1)));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'crawl_added' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  co_await folly::coro::co_reschedule_on_current_executor;
}

// Negatives.

// Identity `child`: the token and the timeout are the child's own from its
// first step.
folly::coro::Task<void> own_token() {
  auto token = co_await folly::coro::co_current_cancellation_token;
  (void)token;
  co_await folly::coro::timeout(handle(), std::chrono::milliseconds(5));
}

folly::coro::Task<void> adds_own_token(folly::coro::AsyncScope &scope) {
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  scope.add(folly::coro::co_withExecutor(ex, own_token()));
  co_await scope.joinAsync();
}

// Awaited, not started: runs inline exactly as it does today.
folly::coro::Task<void> awaits_bound() {
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  int v = co_await folly::coro::co_withExecutor(ex, handle());
  g_requests = v;
}

// Look-alikes in another namespace are not folly's.
namespace other {
struct AsyncScope {
  template <class A> void add(A &&) {}
};
struct CancellationSource {
  folly::CancellationToken getToken() const { return {}; }
  void requestCancellation() {}
};
} // namespace other

folly::coro::Task<void> look_alike(other::AsyncScope &scope) {
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  other::CancellationSource source;
  scope.add(folly::coro::co_withExecutor(ex, handle()));
  source.requestCancellation();
  g_requests = 0;
  co_await folly::coro::co_reschedule_on_current_executor;
}
