#ifndef EAGERLINT_RT_EVENT_HPP
#define EAGERLINT_RT_EVENT_HPP

#include <eagerlint/detail/wait_list.hpp>

#include <coroutine>

namespace eagerlint::rt {

/// asyncio.Event: `set()` wakes every task waiting now; `clear()` resets.
/// A waiter woken by set() proceeds even if clear() follows at once.
class event {
public:
  event() noexcept = default;
  explicit event(bool initially_set) noexcept : m_set(initially_set) {}
  event(const event &) = delete;
  event &operator=(const event &) = delete;

  void set() noexcept {
    m_set = true;
    m_waiters.wake_all();
  }
  void clear() noexcept { m_set = false; }
  bool is_set() const noexcept { return m_set; }
  /// Number of tasks waiting now.
  std::size_t waiters() const noexcept {
    std::size_t n = 0;
    for (auto *w = m_waiters.m_head; w; w = w->m_next)
      ++n;
    return n;
  }

  /// Awaitable: returns at once if set, else waits for the next set().
  [[nodiscard]] auto wait() noexcept { return awaiter{*this}; }

private:
  struct awaiter : detail::list_waiter {
    explicit awaiter(event &e) noexcept : m_event(e) {}
    bool await_ready() const noexcept { return m_event.m_set; }
    void await_suspend(std::coroutine_handle<> h) {
      suspend_on(m_event.m_waiters, h, "event::wait()");
    }
    void await_resume() const { resume_check(); }
    event &m_event;
  };

  detail::wait_list m_waiters;
  bool m_set = false;
};

} // namespace eagerlint::rt

#endif
