#include "watch.hpp"

namespace rt = eagerlint::rt;

namespace app {

rt::task<int> start() {
  auto h = rt::create_task(watch());
  level = 1;
  co_return co_await h;
}

} // namespace app
