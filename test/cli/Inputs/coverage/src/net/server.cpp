#include "app/hook.hpp"

namespace net {

app::task accept_one() { co_await app::yield(); }
app::eager log_started() { co_await app::yield(); }

app::task serve(app::executor &ex) {
  ex.spawn(accept_one());
  ex.spawn(accept_one());
  auto started = log_started();
  co_await started;
  co_await app::run_inline(accept_one());
}

} // namespace net
