#ifndef EAGERLINT_RT_TIMEOUT_HPP
#define EAGERLINT_RT_TIMEOUT_HPP

#include <eagerlint/detail/loop_core.hpp>
#include <eagerlint/errors.hpp>
#include <eagerlint/task.hpp>
#include <eagerlint/task_ref.hpp>

#include <chrono>
#include <coroutine>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace eagerlint::rt {

namespace detail {
template <class T> class timeout_awaitable : public timer_node {
public:
  timeout_awaitable(loop_core *loop, task_ref target, std::int64_t ns,
                    task<T> body) noexcept
      : m_loop(loop), m_target(std::move(target)), m_ns(ns),
        m_body(std::move(body)) {}
  timeout_awaitable(const timeout_awaitable &) = delete;
  timeout_awaitable &operator=(const timeout_awaitable &) = delete;
  ~timeout_awaitable() {
    if (armed())
      m_loop->remove_timer(this);
  }

  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) {
    m_fire = [](timer_node *n) {
      auto *self = static_cast<timeout_awaitable *>(n);
      self->m_fired = true;
      self->m_target.cancel();
    };
    m_loop->add_timer(this, m_ns);
    auto h = m_body.handle();
    h.promise().m_continuation = awaiting;
    return h; // the body runs inline, in whatever task runs now
  }
  decltype(auto) await_resume() {
    m_loop->remove_timer(this);
    try {
      if constexpr (std::is_void_v<T>)
        std::move(m_body).operator co_await().await_resume();
      else
        return T(std::move(m_body).operator co_await().await_resume());
    } catch (const cancelled_error &) {
      // Only the cancellation the deadline made: the body may run in another
      // task than the one the deadline cancelled (a timeout entered in an
      // eager prefix binds to the creator), and that task may be cancelled
      // later for its own reasons.
      if (m_fired && task_ref(m_loop->current_node()) == m_target)
        throw timeout_error();
      throw;
    }
  }

  /// Whether the deadline passed.
  bool expired() const noexcept { return m_fired; }

private:
  loop_core *m_loop;
  task_ref m_target;
  std::int64_t m_ns;
  task<T> m_body;
  bool m_fired = false;
};
} // namespace detail

/// Runs `body` inline, in the task that is current when timeout() is CALLED
/// (asyncio.timeout/wait_for without a new task). At the deadline it cancels
/// that task; a cancelled_error coming out of `body` then becomes
/// timeout_error. Called in an eager prefix, that task is the creator's.
template <class Rep, class Period, class T>
[[nodiscard]] detail::timeout_awaitable<T>
timeout(std::chrono::duration<Rep, Period> d, task<T> body) {
  detail::loop_core &loop = detail::require_running_loop("timeout()");
  return detail::timeout_awaitable<T>(&loop, task_ref(loop.current_node()),
                                      detail::to_ns(d), std::move(body));
}

} // namespace eagerlint::rt

#endif
