// REQUIRES: asio
// A translation unit that instantiates much of Asio 1.22's coroutine
// support, with no hazard: no crash, no hang, no finding, under both
// profiles (with `reference` nothing spawns at all).
//
// RUN: %check_clang_tidy --timeout=300 %s 'eager-*' %t -config="{CheckOptions: {Profile: asio}}" -- -- %real_asio
// RUN: %check_clang_tidy --timeout=300 %s 'eager-*' %t -- -- %real_asio

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/channel.hpp>
#include <asio/experimental/coro.hpp>
#include <asio/experimental/deferred.hpp>
#include <asio/experimental/parallel_group.hpp>
#include <asio/experimental/use_coro.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

using channel_t = asio::experimental::channel<void(asio::error_code, int)>;

awaitable<void> yield_now() {
  co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
}

awaitable<std::size_t> echo_once(tcp::socket &socket) {
  std::array<char, 1024> data;
  std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                  use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  co_return n;
}

awaitable<void> echo(tcp::socket socket) {
  co_await yield_now();
  try {
    for (;;) {
      asio::steady_timer idle(socket.get_executor());
      idle.expires_after(30s);
      auto result = co_await (echo_once(socket) ||
                              idle.async_wait(use_awaitable));
      if (result.index() == 1)
        break;
    }
  } catch (const std::exception &e) {
    std::printf("echo: %s\n", e.what());
  }
}

awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    auto [ec, socket] =
        co_await acceptor.async_accept(asio::experimental::as_tuple(use_awaitable));
    if (ec)
      break;
    asio::co_spawn(acceptor.get_executor(), echo(std::move(socket)),
                   asio::detached);
  }
}

awaitable<void> producer(channel_t &ch) {
  co_await yield_now();
  for (int i = 0; i < 3; ++i)
    co_await ch.async_send(asio::error_code{}, i, use_awaitable);
  ch.close();
}

awaitable<int> consumer(channel_t &ch) {
  int sum = 0;
  for (;;) {
    auto [ec, v] = co_await ch.async_receive(asio::experimental::as_tuple(use_awaitable));
    if (ec)
      break;
    sum += v;
  }
  co_return sum;
}

awaitable<void> both_and_either() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer a(ex), b(ex);
  a.expires_after(1ms);
  b.expires_after(2ms);
  co_await (a.async_wait(use_awaitable) && b.async_wait(use_awaitable));
  co_await (yield_now() || yield_now());
}

awaitable<void> grouped() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer t1(ex), t2(ex);
  t1.expires_after(1ms);
  t2.expires_after(2ms);
  auto [order, e1, e2] =
      co_await asio::experimental::make_parallel_group(
          t1.async_wait(asio::experimental::deferred), t2.async_wait(asio::experimental::deferred))
          .async_wait(asio::experimental::wait_for_one(), use_awaitable);
  (void)order;
  (void)e1;
  (void)e2;
}

awaitable<void> cancellation_aware() {
  co_await yield_now();
  co_await asio::this_coro::reset_cancellation_state(
      asio::enable_total_cancellation());
  co_await asio::this_coro::throw_if_cancelled(false);
  auto state = co_await asio::this_coro::cancellation_state;
  if (state.cancelled() != asio::cancellation_type::none)
    co_return;
}

asio::experimental::coro<int> numbers(asio::any_io_executor) {
  for (int i = 0; i < 3; ++i)
    co_yield i;
}

awaitable<void> uses_coro() {
  auto gen = numbers(co_await asio::this_coro::executor);
  while (auto v = co_await gen.async_resume(use_awaitable))
    std::printf("%d\n", *v);
}

awaitable<void> with_lambda_spawn() {
  auto ex = co_await asio::this_coro::executor;
  co_await yield_now();
  int result = co_await asio::co_spawn(
      ex, []() -> awaitable<int> { co_return 7; }, use_awaitable);
  std::printf("%d\n", result);
  asio::co_spawn(ex, yield_now(), [](std::exception_ptr e) {
    if (e)
      std::puts("failed");
  });
}

awaitable<void> main_task(asio::io_context &ctx) {
  auto ex = co_await asio::this_coro::executor;
  channel_t ch(ex, 1);
  asio::co_spawn(ex, producer(ch), asio::detached);
  int sum = co_await consumer(ch);
  std::printf("sum %d\n", sum);
  co_await both_and_either();
  co_await grouped();
  co_await cancellation_aware();
  co_await uses_coro();
  co_await with_lambda_spawn();
  tcp::acceptor acceptor(ctx, {tcp::v4(), 0});
  asio::co_spawn(ex, listener(std::move(acceptor)), asio::detached);
  co_await yield_now();
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, main_task(ctx), asio::detached);
  ctx.run_for(100ms);
}
