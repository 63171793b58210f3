// Minimal mock of <cppcoro/static_thread_pool.hpp>: `schedule()` always
// suspends and resumes the coroutine on a pool thread.
#ifndef EAGERLINT_TEST_MOCK_CPPCORO_STATIC_THREAD_POOL_HPP
#define EAGERLINT_TEST_MOCK_CPPCORO_STATIC_THREAD_POOL_HPP

#include <coroutine>

namespace cppcoro {

class static_thread_pool {
public:
  class schedule_operation {
  public:
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  [[nodiscard]] schedule_operation schedule() noexcept { return {}; }
};

} // namespace cppcoro

#endif
