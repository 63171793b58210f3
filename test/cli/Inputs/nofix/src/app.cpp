#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> work() {
  co_await rt::yield_now();
  co_return 1;
}

// Not a coroutine: no fix-it, and a note says why.
void stop_early(rt::event_loop &loop) {
  auto t = loop.create_task(work());
  t.cancel();
} // end of stop_early

// A coroutine: the fix-it inserts a yield after the spawn.
rt::task<> stop_later() {
  auto t = rt::create_task(work());
  t.cancel();
  co_await rt::yield_now();
}
