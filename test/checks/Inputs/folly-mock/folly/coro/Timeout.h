// Minimal mock of <folly/coro/Timeout.h> for the folly-profile tests.
#ifndef EAGERLINT_TEST_MOCK_FOLLY_CORO_TIMEOUT_H
#define EAGERLINT_TEST_MOCK_FOLLY_CORO_TIMEOUT_H

#include <chrono>
#include <folly/coro/Task.h>

namespace folly::coro {

template <class T, class Rep, class Period>
Task<T> timeout(Task<T> SemiAwaitable, std::chrono::duration<Rep, Period>);
template <class T, class Rep, class Period>
Task<T> timeoutNoDiscard(Task<T> SemiAwaitable,
                         std::chrono::duration<Rep, Period>);

} // namespace folly::coro

#endif
