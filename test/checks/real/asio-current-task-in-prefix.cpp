// REQUIRES: asio
// RUN: %check_clang_tidy %s eager-current-task-in-prefix %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio

#include <asio.hpp>

asio::awaitable<void> child() {
  asio::cancellation_state state = co_await asio::this_coro::cancellation_state;
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'cancellation_state' runs before 'child' first suspends{{.*}} [eager-current-task-in-prefix]
  if (state.cancelled() != asio::cancellation_type::none)
    co_return;
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}
// CHECK-FIXES: {{^}}asio::awaitable<void> child() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}

asio::awaitable<void> parent() {
  asio::co_spawn(co_await asio::this_coro::executor, child(), asio::detached);
  co_return;
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, parent(), asio::detached);
  ctx.run();
}
