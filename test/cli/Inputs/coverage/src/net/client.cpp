#include "app/hook.hpp"

namespace net {

app::eager ping() { co_await app::yield(); }

app::task connect() {
  auto p = ping();
  co_await p;
  // Awaited at once: no eager start to count.
  co_await ping();
}

} // namespace net

namespace net {

// Lazy today: an eager start only when app::basic_task is flipped.
app::task reconnect() {
  auto t = connect();
  co_await t;
}

} // namespace net
