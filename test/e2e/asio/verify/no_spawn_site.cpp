// Runs its work with asio::post only: the asio profile recognises no spawn
// site, so there is nothing to start lazily and nothing to compare.
// VERIFY-EXIT: 2
// VERIFY-OUTPUT: 'no_spawn_site.cpp': no spawn site of profile 'asio' recognised; nothing to compare
#include <asio.hpp>

#include <iostream>

int main() {
  asio::io_context ctx;
  asio::post(ctx, [] { std::cout << "tick\n"; });
  ctx.run();
}
