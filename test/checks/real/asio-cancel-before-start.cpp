// REQUIRES: asio
// RUN: %check_clang_tidy %s eager-cancel-before-start %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio

// Real Asio (Debian libasio-dev 1.22): co_spawn dispatches since 1.19, so
// from a coroutine on the same executor the child runs inline.

#include <asio.hpp>

asio::awaitable<void> session() {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(std::chrono::seconds(1));
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> acceptor() {
  auto ex = co_await asio::this_coro::executor;
  asio::cancellation_signal sig;
  asio::co_spawn(ex, session(),
                 asio::bind_cancellation_slot(sig.slot(), asio::detached));
  sig.emit(asio::cancellation_type::terminal);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: task 'sig' running 'session' is cancelled before it first suspends{{.*}} [eager-cancel-before-start]
  co_await asio::post(ex, asio::use_awaitable);
}
// CHECK-FIXES: {{^}}                 asio::bind_cancellation_slot(sig.slot(), asio::detached));{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, acceptor(), asio::detached);
  ctx.run();
}
