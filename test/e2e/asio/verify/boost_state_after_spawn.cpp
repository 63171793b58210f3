// Boost.Asio (boost::asio::co_spawn, here through a namespace alias): the
// lazy build gets its yield in boost::asio and <boost/asio.hpp>, and the
// difference shows.
// VERIFY-EXIT: 1
// VERIFY-OUTPUT: child sees 1  | child sees 0
// VERIFY-OUTPUT: (profile asio: 2 spawn sites wrapped)
#include <boost/asio.hpp>

#include <iostream>

namespace net = boost::asio;

int generation = 0;

net::awaitable<void> child() {
  std::cout << "child sees " << generation << "\n";
  co_return;
}

net::awaitable<void> parent() {
  net::co_spawn(co_await net::this_coro::executor, child(), net::detached);
  generation = 1;
  co_return;
}

int main() {
  net::io_context ctx;
  net::co_spawn(ctx, parent(), net::detached);
  ctx.run();
}
