// A service that starts its listeners from main before the io_context runs,
// then finishes configuring them: the listeners read the configuration when
// they first run.
//
// Looks like state after spawn, but co_spawn from outside the io_context
// (main, before run()) posts the first step under every Asio version, so the
// listeners always see the final configuration.
// EXPECT: none
#include <asio.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

using namespace std::chrono_literals;

struct config {
  int port = 0;
  std::string banner = "unset";
};

asio::awaitable<void> listen(int index, const config &cfg) {
  std::cout << "listener " << index << " on port " << cfg.port + index
            << " says '" << cfg.banner << "'\n";
  asio::steady_timer idle(co_await asio::this_coro::executor, 2ms);
  co_await idle.async_wait(asio::use_awaitable);
  std::cout << "listener " << index << " closed\n";
}

int main() {
  asio::io_context ctx;
  config cfg;
  for (int i = 0; i < 3; ++i)
    asio::co_spawn(ctx, listen(i, cfg), asio::detached);
  cfg.port = 8080;
  cfg.banner = "welcome";
  ctx.run();
}
