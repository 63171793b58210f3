#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

int state = 0;

rt::task<void> reader() {
  int s = state;
  co_await rt::yield_now();
  state = s;
}

rt::task<void> writer() {
  auto h = rt::create_task(reader());
  state = 1;
  co_await h;
}
