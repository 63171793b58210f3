// REQUIRES: asio
// RUN: %check_clang_tidy %s eager-recursive-spawn %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio

#include <asio.hpp>

asio::awaitable<void> crawl(int depth) {
  auto ex = co_await asio::this_coro::executor;
  if (depth > 0)
    asio::co_spawn(ex, crawl(depth - 1), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'crawl' spawns itself before its first suspension point{{.*}} [eager-recursive-spawn]
  co_await asio::post(ex, asio::use_awaitable);
}
// CHECK-FIXES: {{^}}asio::awaitable<void> crawl(int depth) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);{{$}}
// CHECK-FIXES-NEXT: {{^}}  auto ex = co_await asio::this_coro::executor;{{$}}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, crawl(1000), asio::detached);
  ctx.run();
}
