// A replicator that pushes every shard down a chain of replicas through two
// coroutines that spawn each other before their first suspension: pushing to
// a replica starts waiting for its acknowledgement, and the acknowledgement
// starts the push to the next replica.
//
// Lazily started (co_spawn posts, Asio <= 1.18), each step takes its own
// turn of the io_context and the shards progress side by side. Started by
// dispatch (Asio >= 1.19), a shard's whole chain runs nested on one stack
// before the next shard gets a turn.
#include <asio.hpp>

#include <chrono>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

asio::awaitable<void> acknowledge(std::string shard, int replica, int last);

asio::awaitable<void> push(std::string shard, int replica, int last) {
  auto ex = co_await asio::this_coro::executor;
  std::cout << shard << ": push to replica " << replica << "\n";
  asio::co_spawn(ex, acknowledge(shard, replica, last), asio::detached); // EXPECT: eager-recursive-spawn
  asio::steady_timer wire(ex, 1ms);
  co_await wire.async_wait(asio::use_awaitable);
}

asio::awaitable<void> acknowledge(std::string shard, int replica, int last) {
  auto ex = co_await asio::this_coro::executor;
  std::cout << shard << ": ack from replica " << replica << "\n";
  if (replica < last)
    asio::co_spawn(ex, push(shard, replica + 1, last), asio::detached); // EXPECT: eager-recursive-spawn
  asio::steady_timer wire(ex, 1ms);
  co_await wire.async_wait(asio::use_awaitable);
}

int main() {
  asio::io_context ctx;
  for (const char *shard : {"orders", "users"})
    asio::co_spawn(ctx, push(shard, 1, 3), asio::detached);
  ctx.run();
}
