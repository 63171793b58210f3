// RUN: %check_clang_tidy %s 'eager-*' %t -config="{CheckOptions: {Profile: asio}}" -- -- %mock_asio
// RUN: %check_clang_tidy -check-suffix=CREATOR %s 'eager-*' %t -config="{CheckOptions: {Profile: asio, PrefixIdentity: creator}}" -- -- %mock_asio

// The asio profile against a mock of Asio 1.22's names (real Asio: real/).

#include <asio.hpp>

using namespace asio::experimental::awaitable_operators;

int g_requests = 0;

asio::awaitable<void> session() {
  ++g_requests;
  auto state = co_await asio::this_coro::cancellation_state;
  // CHECK-MESSAGES-CREATOR: :[[@LINE-1]]:25: warning: 'cancellation_state' runs before 'session' first suspends: under lazy start it sees the spawned task, under eager start the task that spawned it [eager-current-task-in-prefix]
  (void)state;
  asio::steady_timer timer(co_await asio::this_coro::executor);
  co_await (asio::post(co_await asio::this_coro::executor, asio::use_awaitable) ||
            timer.async_wait(asio::use_awaitable));
  // CHECK-MESSAGES-CREATOR: :[[@LINE-2]]:81: warning: 'operator||' is entered before 'session' first suspends{{.*}} [eager-timeout-in-prefix]
}
// CHECK-FIXES-CREATOR: {{^}}asio::awaitable<void> session() {{{$}}
// CHECK-FIXES-CREATOR-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}
// CHECK-FIXES-CREATOR-NEXT: {{^}}  ++g_requests;{{$}}

asio::awaitable<void> acceptor() {
  auto ex = co_await asio::this_coro::executor;
  asio::cancellation_signal sig;
  asio::co_spawn(ex, session(),
                 asio::bind_cancellation_slot(sig.slot(), asio::detached));
  sig.emit(asio::cancellation_type::all);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: task 'sig' running 'session' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  // CHECK-MESSAGES-CREATOR: :[[@LINE-2]]:7: warning: task 'sig' running 'session' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  g_requests = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'g_requests' is written after spawning 'session', whose prefix reads it{{.*}} [eager-state-after-spawn]
  // CHECK-MESSAGES-CREATOR: :[[@LINE-2]]:14: warning: 'g_requests' is written after spawning 'session', whose prefix reads it{{.*}} [eager-state-after-spawn]
  co_await asio::post(ex, asio::use_awaitable);
}
// CHECK-FIXES: {{^}}                 asio::bind_cancellation_slot(sig.slot(), asio::detached));{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sig.emit(asio::cancellation_type::all);{{$}}

asio::awaitable<void> recurse(int n) {
  if (n)
    asio::co_spawn(co_await asio::this_coro::executor, recurse(n - 1),
                   asio::detached);
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'recurse' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  // CHECK-MESSAGES-CREATOR: :[[@LINE-3]]:5: warning: 'recurse' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

// Negatives: a real yield first; `dispatch` may not yield, but `post` does.

asio::awaitable<void> yields_first() {
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  auto state = co_await asio::this_coro::cancellation_state;
  (void)state;
}

asio::awaitable<void> spawner(asio::io_context &ctx) {
  asio::co_spawn(ctx, yields_first(), asio::detached);
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  g_requests = 1;
}
