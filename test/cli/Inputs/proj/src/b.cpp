#include "shared.hpp"

namespace rt = eagerlint::rt;

namespace proj {

rt::task<int> start_b() {
  auto j = rt::create_task(tagged_job(2));
  co_return co_await j;
}

} // namespace proj
