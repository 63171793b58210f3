// A resolver that awaits each lookup it spawns: co_await co_spawn(...,
// use_awaitable) suspends the caller until the lookup is done, so the caller
// touches the shared cache only after the lookup finished, however the
// lookup starts.
// EXPECT: none
#include <asio.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>

using namespace std::chrono_literals;

asio::awaitable<std::string> lookup(std::string host,
                                    std::map<std::string, int> &hits) {
  ++hits[host];
  asio::steady_timer rtt(co_await asio::this_coro::executor, 2ms);
  co_await rtt.async_wait(asio::use_awaitable);
  co_return host == "db" ? "10.0.0.7" : "10.0.0.1";
}

asio::awaitable<void> resolve_all() {
  auto ex = co_await asio::this_coro::executor;
  std::map<std::string, int> hits;
  for (const char *host : {"web", "db", "web"}) {
    std::string address = co_await asio::co_spawn(ex, lookup(host, hits),
                                                  asio::use_awaitable);
    hits[host] += 10;
    std::cout << host << " -> " << address << " (" << hits[host] << ")\n";
  }
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, resolve_all(), asio::detached);
  ctx.run();
}
