#ifndef EAGERLINT_RT_TASK_HANDLE_HPP
#define EAGERLINT_RT_TASK_HANDLE_HPP

#include <eagerlint/detail/loop_core.hpp>
#include <eagerlint/task.hpp>
#include <eagerlint/task_ref.hpp>

#include <cstdint>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace eagerlint::rt {

namespace detail {

/// Waits for a task to finish without taking its result.
class done_awaiter : public waiter, public completion_node {
public:
  explicit done_awaiter(task_node *target) noexcept : m_target_node(target) {}
  done_awaiter(const done_awaiter &) = delete;
  done_awaiter &operator=(const done_awaiter &) = delete;
  ~done_awaiter() { loop_core::unlink_completion(this); }

  bool await_ready() const noexcept { return m_target_node->m_done; }
  void await_suspend(std::coroutine_handle<> h) noexcept {
    loop_core &loop = *running_loop_core();
    m_loop = &loop;
    m_abandon = [](waiter *w) {
      loop_core::unlink_completion(static_cast<done_awaiter *>(w));
    };
    m_on_done = [](completion_node *c) {
      loop_core::wake(static_cast<done_awaiter *>(c));
    };
    loop_core::link_completion(m_target_node, this);
    loop.park(h, this);
    m_suspended = true;
  }
  void await_resume() const {
    if (m_suspended)
      m_loop->resume_check();
  }

protected:
  task_node *m_target_node;
  loop_core *m_loop = nullptr;
  bool m_suspended = false;
};

template <class T, class F> struct done_callback final : completion_node, ready_node {
  template <class G>
  done_callback(task_handle<T> h, G &&fn)
      : m_handle(std::move(h)), m_fn(std::forward<G>(fn)) {
    m_on_done = [](completion_node *c) {
      auto *self = static_cast<done_callback *>(c);
      self->m_handle.node()->m_loop->push_ready(self);
    };
    m_run = [](ready_node *n) {
      std::unique_ptr<done_callback> self(static_cast<done_callback *>(n));
      try {
        self->invoke();
      } catch (...) {
        report_exception("exception in done callback",
                         std::current_exception());
      }
    };
  }
  void invoke() {
    if constexpr (std::is_invocable_v<F &, task_handle<T> &>)
      m_fn(m_handle);
    else
      m_fn();
  }
  task_handle<T> m_handle;
  F m_fn;
};

} // namespace detail

/// What spawning returns (an asyncio Task). Copies refer to the same task.
/// Awaiting it waits for the task and returns (or rethrows) its result.
template <class T = void> class task_handle {
public:
  using value_type = T;
  using promise_type = detail::promise<T>;

  task_handle() noexcept = default;
  explicit task_handle(promise_type *p) noexcept : m_promise(p) {
    if (m_promise)
      detail::add_ref(m_promise);
  }
  task_handle(const task_handle &o) noexcept : task_handle(o.m_promise) {}
  task_handle(task_handle &&o) noexcept
      : m_promise(std::exchange(o.m_promise, nullptr)) {}
  task_handle &operator=(task_handle o) noexcept {
    std::swap(m_promise, o.m_promise);
    return *this;
  }
  ~task_handle() {
    if (m_promise)
      detail::release(m_promise);
  }

  explicit operator bool() const noexcept { return m_promise != nullptr; }

  /// Rule 3: not started -> never starts, ends cancelled; suspended -> woken
  /// with cancelled_error at its suspension point; done -> false.
  bool cancel() const { return m_promise->m_loop->cancel(m_promise); }
  bool done() const noexcept { return m_promise->m_done; }
  bool cancelled() const noexcept { return m_promise->m_cancelled; }

  /// The result; rethrows the task's exception (cancelled_error if it was
  /// cancelled); std::logic_error if it is not done yet.
  decltype(auto) result() const {
    if (!m_promise->m_done)
      throw std::logic_error("eagerlint: result() of a task that is not done");
    m_promise->m_retrieved = true;
    return m_promise->result();
  }

  /// The stored exception (null if none); marks it retrieved.
  std::exception_ptr exception() const {
    if (!m_promise->m_done)
      throw std::logic_error(
          "eagerlint: exception() of a task that is not done");
    m_promise->m_retrieved = true;
    return m_promise->m_exception;
  }

  /// Schedules `fn(handle)` (or `fn()`) with call_soon once the task is done:
  /// never inline, even if it is done already.
  template <class F> void add_done_callback(F &&fn) const {
    using node_t = detail::done_callback<T, std::decay_t<F>>;
    auto *n = new node_t(*this, std::forward<F>(fn));
    if (m_promise->m_done)
      m_promise->m_loop->push_ready(static_cast<detail::ready_node *>(n));
    else
      detail::loop_core::link_completion(m_promise, n);
  }

  /// Per-loop id; 0 for a task that finished in its eager prefix (it never
  /// became a scheduled task).
  std::uint64_t id() const noexcept { return m_promise->m_id; }
  task_ref ref() const noexcept { return task_ref(m_promise); }
  promise_type *node() const noexcept { return m_promise; }

  friend bool operator==(const task_handle &a, const task_handle &b) noexcept {
    return a.m_promise == b.m_promise;
  }

  auto operator co_await() const noexcept { return awaiter{m_promise}; }

private:
  struct awaiter : detail::done_awaiter {
    explicit awaiter(promise_type *p) noexcept : done_awaiter(p) {}
    decltype(auto) await_resume() const {
      done_awaiter::await_resume();
      auto *p = static_cast<promise_type *>(m_target_node);
      p->m_retrieved = true;
      return p->result();
    }
  };

  promise_type *m_promise = nullptr;
};

} // namespace eagerlint::rt

#endif
