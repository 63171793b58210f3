// Spins forever whichever way co_spawn starts its coroutine: verify exits 2,
// there is nothing to compare.
// VERIFY-EXIT: 2
// VERIFY-OUTPUT: timed out under both policies (limit 1 s per run); nothing to compare
#include <asio.hpp>

asio::awaitable<void> spin() {
  for (volatile bool forever = true; forever;) {
  }
  co_return;
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, spin(), asio::detached);
  ctx.run();
}
