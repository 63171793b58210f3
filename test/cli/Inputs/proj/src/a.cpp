#include "shared.hpp"

namespace rt = eagerlint::rt;

namespace proj {

int counter = 0;

rt::task<void> bump() {
  int seen = counter;
  co_await rt::yield_now();
  counter = seen + 1;
}

rt::task<void> start_a() {
  auto h = rt::create_task(bump());
  counter = 10;
  co_await h;
  auto j = rt::create_task(tagged_job(1));
  co_await j;
}

rt::task<void> start_quiet() {
  auto h = rt::create_task(bump());
  counter = 20; // NOLINT(eager-state-after-spawn)
  co_await h;
}

} // namespace proj
