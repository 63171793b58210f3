// REQUIRES: asio
// RUN: %check_clang_tidy %s eager-state-after-spawn %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio

#include <asio.hpp>

#include <cstdio>

struct server {
  int m_generation = 0;

  asio::awaitable<void> worker() {
    std::printf("generation %d\n", m_generation);
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  }

  asio::awaitable<void> start() {
    auto ex = co_await asio::this_coro::executor;
    asio::co_spawn(ex, worker(), asio::detached);
    ++m_generation;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm_generation' is written after spawning 'server::worker', whose prefix reads it{{.*}} [eager-state-after-spawn]
    co_return;
  }
};
// CHECK-FIXES: {{^}}    asio::co_spawn(ex, worker(), asio::detached);{{$}}
// CHECK-FIXES-NEXT: {{^}}    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}

int main() {
  asio::io_context ctx;
  server s;
  asio::co_spawn(ctx, s.start(), asio::detached);
  ctx.run();
}
