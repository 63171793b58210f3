// A gallery view: it starts loading the thumbnail of every picture as an
// asio::experimental::promise and drops the promise of a picture that has
// scrolled off screen, which cancels its load.
//
// Lazily started (co_spawn posts, Asio <= 1.18), a dropped load never runs.
// Started by dispatch (Asio >= 1.19), it has already opened the file when the
// promise is destroyed.
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/promise.hpp>

#include <chrono>
#include <iostream>
#include <set>
#include <vector>

using namespace std::chrono_literals;

asio::awaitable<void> load_thumbnail(int picture) {
  std::cout << "open picture " << picture << "\n";
  asio::steady_timer decode(co_await asio::this_coro::executor, 3ms);
  co_await decode.async_wait(asio::use_awaitable);
  std::cout << "thumbnail " << picture << " ready\n";
}

asio::awaitable<void> show_gallery(std::vector<int> pictures,
                                   std::set<int> on_screen) {
  auto ex = co_await asio::this_coro::executor;
  for (int picture : pictures) {
    auto thumbnail = asio::co_spawn(ex, load_thumbnail(picture),
                                    asio::experimental::use_promise);
    if (!on_screen.count(picture))
      continue; // EXPECT: eager-cancel-before-start
    auto [error] = co_await thumbnail.async_wait(
        asio::experimental::as_tuple(asio::use_awaitable));
    std::cout << "show picture " << picture << (error ? " (failed)" : "")
              << "\n";
  }
  asio::steady_timer settle(ex, 20ms);
  co_await settle.async_wait(asio::use_awaitable);
  std::cout << "gallery done\n";
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, show_gallery({1, 2, 3, 4}, {1, 3}), asio::detached);
  ctx.run();
}
