// Does not compile: verify --profile asio exits 2 and shows the compiler's
// message before it looks for spawn sites.
// VERIFY-EXIT: 2
// VERIFY-OUTPUT: cannot build 'build_error.cpp'
// VERIFY-OUTPUT: error: use of undeclared identifier 'undeclared_session'
#include <asio.hpp>

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, undeclared_session(), asio::detached);
  ctx.run();
}
