#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> handle(int x);

rt::task<int> serve() {
  auto h = rt::create_task(handle(1));
  co_return co_await h;
}
