// A cache warmer: for every key it starts a background refresh bound to a
// cancellation signal, then cancels the refresh at once when the cached
// value turns out to be fresh enough.
//
// Lazily started (co_spawn posts, Asio <= 1.18), a cancelled refresh never
// runs. Started by dispatch (Asio >= 1.19), it has already asked the backend
// when the cancellation arrives.
#include <asio.hpp>

#include <chrono>
#include <exception>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace std::chrono_literals;

struct entry {
  int value;
  int age_ms;
};

asio::awaitable<void> refresh(std::string key, int &backend_calls) {
  ++backend_calls;
  std::cout << "refresh " << key << ": asking the backend\n";
  asio::steady_timer reply(co_await asio::this_coro::executor, 5ms);
  co_await reply.async_wait(asio::use_awaitable);
  std::cout << "refresh " << key << ": stored\n";
}

asio::awaitable<void> warm(const std::map<std::string, entry> &cache) {
  auto ex = co_await asio::this_coro::executor;
  int backend_calls = 0;
  std::map<std::string, asio::cancellation_signal> stops;
  for (const auto &[key, e] : cache) {
    asio::co_spawn(ex, refresh(key, backend_calls),
                   asio::bind_cancellation_slot(
                       stops[key].slot(), [key](std::exception_ptr error) {
                         std::cout << "refresh " << key << ": "
                                   << (error ? "cancelled" : "done") << "\n";
                       }));
    if (e.age_ms < 1000)
      stops[key].emit(asio::cancellation_type::all); // EXPECT: eager-cancel-before-start
  }
  asio::steady_timer settle(ex, 50ms);
  co_await settle.async_wait(asio::use_awaitable);
  std::cout << "backend calls: " << backend_calls << "\n";
}

int main() {
  const std::map<std::string, entry> cache = {
      {"config", {1, 30}}, {"prices", {2, 5000}}, {"users", {3, 200}}};
  asio::io_context ctx;
  asio::co_spawn(ctx, warm(cache), asio::detached);
  ctx.run();
}
