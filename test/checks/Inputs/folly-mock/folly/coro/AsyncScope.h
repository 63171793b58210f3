// Minimal mock of <folly/coro/AsyncScope.h> for the folly-profile tests:
// `add` starts an awaitable bound to an executor, queued on it.
#ifndef EAGERLINT_TEST_MOCK_FOLLY_CORO_ASYNCSCOPE_H
#define EAGERLINT_TEST_MOCK_FOLLY_CORO_ASYNCSCOPE_H

#include <folly/coro/Task.h>

namespace folly::coro {

class AsyncScope {
public:
  template <class Awaitable>
  void add(Awaitable &&, void *ReturnAddress = nullptr) {
    (void)ReturnAddress;
  }
  Task<void> joinAsync() noexcept;
  Task<void> cleanup() noexcept;
};

class CancellableAsyncScope {
public:
  template <class Awaitable>
  void add(Awaitable &&, CancellationToken = {}, void *ReturnAddress = nullptr) {
    (void)ReturnAddress;
  }
  template <class T>
  Task<void> co_schedule(Task<T> &&, CancellationToken = {});
  Task<void> cancelAndJoinAsync() noexcept;
};

} // namespace folly::coro

#endif
