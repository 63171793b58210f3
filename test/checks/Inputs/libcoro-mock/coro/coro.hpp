// Minimal mock of libcoro's <coro/coro.hpp> for the libcoro-profile tests:
// `coro::task` is lazy (initial_suspend is suspend_always) and every spawn
// queues the task on its executor. Needs the mock <coroutine> and
// <stop_token> (Inputs/std).
#ifndef EAGERLINT_TEST_MOCK_LIBCORO_HPP
#define EAGERLINT_TEST_MOCK_LIBCORO_HPP

#include <coroutine>
#include <stop_token>

namespace coro {

namespace detail {
template <class T> struct promise_result {
  T Value{};
  void return_value(T V) { Value = V; }
};
template <> struct promise_result<void> {
  void return_void() {}
};
} // namespace detail

template <class T = void> class [[nodiscard]] task {
public:
  struct promise_type : detail::promise_result<T> {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {}
  };
  auto is_ready() const noexcept -> bool { return false; }
  struct awaitable {
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> H) noexcept {
      return H;
    }
    T await_resume() { return T(); }
  };
  auto operator co_await() const & noexcept -> awaitable { return {}; }
  auto operator co_await() const && noexcept -> awaitable { return {}; }
};

/// What `schedule()` and `yield()` return: always suspends.
class schedule_operation {
public:
  auto await_ready() noexcept -> bool { return false; }
  auto await_suspend(std::coroutine_handle<>) noexcept -> void {}
  auto await_resume() noexcept -> void {}
};

class thread_pool {
public:
  [[nodiscard]] auto schedule() -> schedule_operation { return {}; }
  [[nodiscard]] auto yield() -> schedule_operation { return {}; }
  auto spawn_detached(coro::task<void> &&) noexcept -> bool { return true; }
  auto spawn_joinable(coro::task<void> &&) noexcept -> coro::task<void> {
    return {};
  }
};

class scheduler {
public:
  [[nodiscard]] auto schedule() -> schedule_operation { return {}; }
  [[nodiscard]] auto yield() -> schedule_operation { return {}; }
  auto spawn_detached(coro::task<void> &&) -> bool { return true; }
  auto spawn_joinable(coro::task<void> &&) -> coro::task<void> { return {}; }
};

template <class executor_type> class task_group {
public:
  explicit task_group(executor_type *) {}
  [[nodiscard]] auto start(coro::task<void> &&) -> bool { return true; }
  [[nodiscard]] auto size() const -> unsigned long { return 0; }
  [[nodiscard]] auto empty() const -> bool { return true; }
  auto operator co_await() const noexcept -> schedule_operation { return {}; }
};

} // namespace coro

#endif
