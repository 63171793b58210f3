// Minimal mock of <cppcoro/async_scope.hpp>: `spawn` runs the awaitable at
// once in a coroutine whose initial_suspend is suspend_never.
#ifndef EAGERLINT_TEST_MOCK_CPPCORO_ASYNC_SCOPE_HPP
#define EAGERLINT_TEST_MOCK_CPPCORO_ASYNC_SCOPE_HPP

#include <coroutine>

namespace cppcoro {

class async_scope {
public:
  template <class Awaitable> void spawn(Awaitable &&A) {
    [](Awaitable Inner) -> oneway_task { co_await Inner; }(
        static_cast<Awaitable &&>(A));
  }
  struct join_awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    void await_resume() const noexcept {}
  };
  [[nodiscard]] join_awaiter join() noexcept { return {}; }

private:
  struct oneway_task {
    struct promise_type {
      std::suspend_never initial_suspend() { return {}; }
      std::suspend_never final_suspend() noexcept { return {}; }
      void unhandled_exception() {}
      oneway_task get_return_object() { return {}; }
      void return_void() {}
    };
  };
};

} // namespace cppcoro

#endif
