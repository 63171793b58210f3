// Minimal mock of <kj/timer.h> for the kj-profile tests.
#ifndef EAGERLINT_TEST_MOCK_KJ_TIMER_H
#define EAGERLINT_TEST_MOCK_KJ_TIMER_H

#include <kj/async.h>

namespace kj {

struct Duration {
  long long Nanoseconds;
};
constexpr Duration MILLISECONDS{1000000};
constexpr Duration operator*(long long N, Duration D) {
  return {N * D.Nanoseconds};
}

class Timer {
public:
  Promise<void> afterDelay(Duration);
  template <class T> Promise<T> timeoutAfter(Duration, Promise<T> &&P) {
    return static_cast<Promise<T> &&>(P);
  }
};

} // namespace kj

#endif
