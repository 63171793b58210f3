#ifndef EAGERLINT_RT_SLEEP_HPP
#define EAGERLINT_RT_SLEEP_HPP

#include <eagerlint/detail/loop_core.hpp>

#include <chrono>
#include <coroutine>
#include <cstdint>

namespace eagerlint::rt {

namespace detail {
class sleep_awaiter : public waiter, public timer_node {
public:
  explicit sleep_awaiter(std::int64_t ns) noexcept : m_ns(ns) {}
  sleep_awaiter(const sleep_awaiter &) = delete;
  sleep_awaiter &operator=(const sleep_awaiter &) = delete;
  ~sleep_awaiter() {
    if (armed() && m_loop)
      m_loop->remove_timer(this);
  }

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    m_loop = &require_running_loop("sleep()");
    if (m_ns <= 0) { // sleep(0) is a plain yield, as in asyncio
      m_loop->park_ready(h);
      return;
    }
    m_abandon = [](waiter *w) {
      auto *self = static_cast<sleep_awaiter *>(w);
      self->m_loop->remove_timer(self);
    };
    m_fire = [](timer_node *n) {
      loop_core::wake(static_cast<sleep_awaiter *>(n));
    };
    m_loop->add_timer(this, m_ns);
    m_loop->park(h, this);
  }
  void await_resume() const { m_loop->resume_check(); }

private:
  std::int64_t m_ns;
  loop_core *m_loop = nullptr;
};
} // namespace detail

/// Suspends the current task for `d` of virtual time.
template <class Rep, class Period>
[[nodiscard]] detail::sleep_awaiter sleep(std::chrono::duration<Rep, Period> d) {
  return detail::sleep_awaiter(detail::to_ns(d));
}

} // namespace eagerlint::rt

#endif
