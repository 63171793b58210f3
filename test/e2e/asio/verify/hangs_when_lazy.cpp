// A start-up barrier that polls a flag set by a coroutine it spawned: when
// co_spawn posts (lazy), the coroutine never gets a turn while the poller
// blocks the io_context, so the program hangs; when it dispatches (eager),
// the flag is already set.
// VERIFY-EXIT: 1
// VERIFY-OUTPUT: timed out after 1 s (killed)
// VERIFY-OUTPUT: config loaded
// VERIFY-OUTPUT: (profile asio: 2 spawn sites wrapped)
#include <asio.hpp>

#include <iostream>

bool loaded = false;

asio::awaitable<void> load_config() {
  loaded = true;
  co_return;
}

asio::awaitable<void> start() {
  asio::co_spawn(co_await asio::this_coro::executor, load_config(),
                 asio::detached);
  while (!loaded) {
  }
  std::cout << "config loaded\n";
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, start(), asio::detached);
  ctx.run();
}
