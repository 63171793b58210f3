#ifndef EAGERLINT_RT_YIELD_NOW_HPP
#define EAGERLINT_RT_YIELD_NOW_HPP

#include <eagerlint/detail/loop_core.hpp>

#include <coroutine>

namespace eagerlint::rt {

namespace detail {
class yield_awaiter {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    m_loop = &require_running_loop("yield_now()");
    m_loop->park_ready(h);
  }
  void await_resume() const { m_loop->resume_check(); }

private:
  loop_core *m_loop = nullptr;
};
} // namespace detail

/// Always suspends and reschedules the current task at the back of the ready
/// queue (asyncio.sleep(0)). The fix eagerlint inserts: after a spawn it
/// restores the spawn window, as a coroutine's first statement it empties
/// the eager prefix.
[[nodiscard]] inline detail::yield_awaiter yield_now() noexcept { return {}; }

} // namespace eagerlint::rt

#endif
