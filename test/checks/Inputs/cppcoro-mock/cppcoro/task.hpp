// Minimal mock of <cppcoro/task.hpp> for the cppcoro-profile tests: `task`
// is lazy (initial_suspend is suspend_always). Needs the mock <coroutine>.
#ifndef EAGERLINT_TEST_MOCK_CPPCORO_TASK_HPP
#define EAGERLINT_TEST_MOCK_CPPCORO_TASK_HPP

#include <coroutine>

namespace cppcoro {

namespace detail {
template <class T> struct task_result {
  T Value{};
  void return_value(T V) { Value = V; }
};
template <> struct task_result<void> {
  void return_void() {}
};
} // namespace detail

template <class T = void> class [[nodiscard]] task {
public:
  struct promise_type : detail::task_result<T> {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {}
  };
  bool is_ready() const noexcept { return false; }
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> H) noexcept {
      return H;
    }
    T await_resume() { return T(); }
  };
  awaiter operator co_await() const & noexcept { return {}; }
};

} // namespace cppcoro

#endif
