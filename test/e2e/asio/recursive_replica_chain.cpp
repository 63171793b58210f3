// A replicator that syncs a chain of replicas through two coroutines that
// spawn each other before their first suspension: pushing to a replica
// starts acknowledging it, and acknowledging starts the push to the next.
//
// Lazily started (co_spawn posts, Asio <= 1.18), each step runs in its own
// turn of the io_context. Started by dispatch (Asio >= 1.19), the whole chain
// runs on one stack, every step nested in the one before.
#include <asio.hpp>

#include <chrono>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

int depth = 0;

asio::awaitable<void> acknowledge(int replica, int last);

asio::awaitable<void> push(int replica, int last) {
  ++depth;
  std::cout << "push to replica " << replica << " (stack depth " << depth
            << ")\n";
  asio::co_spawn(co_await asio::this_coro::executor,
                 acknowledge(replica, last), asio::detached); // EXPECT: eager-recursive-spawn
  --depth;
  asio::steady_timer wire(co_await asio::this_coro::executor, 1ms);
  co_await wire.async_wait(asio::use_awaitable);
}

asio::awaitable<void> acknowledge(int replica, int last) {
  ++depth;
  std::cout << "ack from replica " << replica << " (stack depth " << depth
            << ")\n";
  if (replica < last)
    asio::co_spawn(co_await asio::this_coro::executor,
                   push(replica + 1, last), asio::detached); // EXPECT: eager-recursive-spawn
  --depth;
  asio::steady_timer wire(co_await asio::this_coro::executor, 1ms);
  co_await wire.async_wait(asio::use_awaitable);
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, push(1, 3), asio::detached);
  ctx.run();
  std::cout << "replicated\n";
}
