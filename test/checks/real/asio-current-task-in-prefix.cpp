// REQUIRES: asio
// RUN: %check_clang_tidy -check-suffix=CHILD %s eager-current-task-in-prefix %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio
// RUN: %check_clang_tidy -check-suffix=CREATOR %s eager-current-task-in-prefix %t -config="{CheckOptions: {Profile: asio, PrefixIdentity: creator}}" -- -- %real_asio

// child_identity_established_before_prefix: co_spawn creates the child's
// awaitable thread and cancellation state before its first step, so with
// the asio profile (PrefixIdentity: child) this is no hazard; described as
// a runtime whose eager prefix runs as the creator, it is one.

#include <asio.hpp>

asio::awaitable<void> child() {
  asio::cancellation_state state = co_await asio::this_coro::cancellation_state;
  // CHECK-MESSAGES-CREATOR: :[[@LINE-1]]:45: warning: 'cancellation_state' runs before 'child' first suspends{{.*}} [eager-current-task-in-prefix]
  if (state.cancelled() != asio::cancellation_type::none)
    co_return;
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}
// CHECK-FIXES-CREATOR: {{^}}asio::awaitable<void> child() {{{$}}
// CHECK-FIXES-CREATOR-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}

asio::awaitable<void> parent() {
  asio::co_spawn(co_await asio::this_coro::executor, child(), asio::detached);
  co_return;
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, parent(), asio::detached);
  ctx.run();
}
