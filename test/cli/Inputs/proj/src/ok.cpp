// Ready for eager start: nothing to report.
#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

namespace proj {

int total = 0;

rt::task<void> add(int n) {
  co_await rt::yield_now();
  total += n;
}

rt::task<void> start_ok() {
  auto h = rt::create_task(add(1));
  co_await h;
  total = 0;
}

} // namespace proj
