// Minimal mock of <seastar/core/with_timeout.hh> for the seastar-profile
// tests.
#ifndef EAGERLINT_TEST_MOCK_SEASTAR_WITH_TIMEOUT_HH
#define EAGERLINT_TEST_MOCK_SEASTAR_WITH_TIMEOUT_HH

#include <chrono>
#include <seastar/core/future.hh>

namespace seastar {

template <class Clock, class Duration, class T>
future<T> with_timeout(std::chrono::time_point<Clock, Duration>, future<T> F) {
  return F;
}

} // namespace seastar

#endif
