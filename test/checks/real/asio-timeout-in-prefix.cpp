// REQUIRES: asio
// RUN: %check_clang_tidy -check-suffix=CHILD %s eager-timeout-in-prefix %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio
// RUN: %check_clang_tidy -check-suffix=CREATOR %s eager-timeout-in-prefix %t -config="{CheckOptions: {Profile: asio, PrefixIdentity: creator}}" -- -- %real_asio

// child_identity_established_before_prefix: co_spawn creates the child's
// awaitable thread and cancellation state before its first step, so with
// the asio profile (PrefixIdentity: child) this is no hazard; described as
// a runtime whose eager prefix runs as the creator, it is one.

#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

using namespace asio::experimental::awaitable_operators;

asio::awaitable<void> request() {
  asio::steady_timer work(co_await asio::this_coro::executor);
  work.expires_after(std::chrono::milliseconds(5));
  co_await work.async_wait(asio::use_awaitable);
}

asio::awaitable<void> bounded() {
  asio::steady_timer deadline(co_await asio::this_coro::executor);
  deadline.expires_after(std::chrono::milliseconds(10));
  co_await (request() || deadline.async_wait(asio::use_awaitable));
  // CHECK-MESSAGES-CREATOR: :[[@LINE-1]]:23: warning: 'operator||' is entered before 'bounded' first suspends{{.*}} [eager-timeout-in-prefix]
}
// CHECK-FIXES-CREATOR: {{^}}asio::awaitable<void> bounded() {{{$}}
// CHECK-FIXES-CREATOR-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}
// CHECK-FIXES-CREATOR-NEXT: {{^}}  asio::steady_timer deadline(co_await asio::this_coro::executor);{{$}}

asio::awaitable<void> parent() {
  asio::co_spawn(co_await asio::this_coro::executor, bounded(), asio::detached);
  co_return;
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, parent(), asio::detached);
  ctx.run();
}
