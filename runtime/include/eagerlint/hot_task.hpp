#ifndef EAGERLINT_RT_HOT_TASK_HPP
#define EAGERLINT_RT_HOT_TASK_HPP

#include <eagerlint/detail/loop_core.hpp>
#include <eagerlint/start_policy.hpp>
#include <eagerlint/task.hpp>
#include <eagerlint/task_handle.hpp>
#include <eagerlint/task_ref.hpp>

#include <coroutine>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace eagerlint::rt {

template <class T = void> class hot_task;

namespace detail {

/// The promise of a hot_task coroutine: a task promise whose initial suspend
/// is the spawn, with the running loop's policy.
template <class T> class hot_promise final : public promise<T> {
public:
  struct start_awaiter {
    bool await_ready() const noexcept { return false; }
    // The frame is suspended here, so an eager start may resume it on this
    // stack; the return object already holds a reference, so the frame
    // outlives this call even if the prefix finishes.
    void await_suspend(std::coroutine_handle<hot_promise> h) const noexcept {
      hot_promise &p = h.promise();
      if (p.m_loop->policy() == start_policy::eager)
        p.m_loop->start_eager(&p);
      else
        p.m_loop->spawn_lazy(&p);
    }
    void await_resume() const noexcept {}
  };

  /// Binds the coroutine to the running loop. Throws (before anything ran,
  /// so the frame is simply destroyed) when no loop runs, or when an eager
  /// start would nest past the loop's max_eager_depth().
  hot_task<T> get_return_object();
  start_awaiter initial_suspend() const noexcept { return {}; }
};

} // namespace detail

/// A coroutine type whose call is the spawn, on the running loop with its
/// policy: the runtime side of the checks' EagerTypes (docs/runtime.md):
///
/// * eager: the call runs the coroutine on the caller's stack until it first
///   suspends or finishes, with the caller's identity (current_task(),
///   timeouts) during that prefix, exactly like an eager create_task;
/// * lazy: the call queues it like a lazy create_task; it starts on a later
///   iteration in its own task, or at its first co_await if that comes first
///   (then inline, as an eager prefix), so `co_await f()` behaves the same
///   under both policies.
///
/// The object owns the task: destroying it while the task is not done
/// cancels the task (rule 3: a lazily queued one never starts, so a discarded
/// result never runs when lazy, while an eager one has run its prefix).
/// `create_task(std::move(t))` hands the task to the loop and returns a
/// task_handle that does not cancel. Move-only; awaitable.
template <class T> class [[nodiscard]] hot_task {
public:
  using promise_type = detail::hot_promise<T>;
  using value_type = T;

  hot_task() noexcept = default;
  explicit hot_task(promise_type *p) noexcept : m_promise(p) {
    if (m_promise)
      detail::add_ref(m_promise);
  }
  hot_task(hot_task &&other) noexcept
      : m_promise(std::exchange(other.m_promise, nullptr)) {}
  hot_task &operator=(hot_task &&other) noexcept {
    if (this != &other) {
      reset();
      m_promise = std::exchange(other.m_promise, nullptr);
    }
    return *this;
  }
  hot_task(const hot_task &) = delete;
  hot_task &operator=(const hot_task &) = delete;
  ~hot_task() { reset(); }

  /// True if this object owns a task.
  explicit operator bool() const noexcept { return m_promise != nullptr; }

  /// True once the coroutine's first instruction ran (eager: at the call).
  bool started() const noexcept { return m_promise->m_started; }
  /// Rule 3, as task_handle::cancel: not started -> never starts.
  bool cancel() const {
    return !m_promise->m_done && m_promise->m_loop->cancel(m_promise);
  }
  bool done() const noexcept { return m_promise->m_done; }
  bool cancelled() const noexcept { return m_promise->m_cancelled; }
  /// The result; rethrows; std::logic_error if not done.
  decltype(auto) result() const { return handle().result(); }
  std::exception_ptr exception() const { return handle().exception(); }
  /// Per-loop id once it is a scheduled task; 0 while it has none (an eager
  /// prefix, or one that finished there).
  std::uint64_t id() const noexcept { return m_promise->m_id; }
  task_ref ref() const noexcept { return task_ref(m_promise); }

  /// A handle on the same task that does not own it (add_done_callback...).
  task_handle<T> handle() const noexcept { return task_handle<T>(m_promise); }

  /// Gives up ownership: the task keeps running when this object is gone.
  task_handle<T> release() noexcept {
    task_handle<T> h(m_promise);
    reset_without_cancel();
    return h;
  }

  /// Waits for the task (starting it here if it was queued and not reached
  /// yet); `T&` from an lvalue, `T` from an rvalue.
  auto operator co_await() & noexcept { return awaiter<false>{m_promise}; }
  auto operator co_await() && noexcept { return awaiter<true>{m_promise}; }

private:
  template <bool Move> struct awaiter : detail::done_awaiter {
    explicit awaiter(promise_type *p) noexcept : done_awaiter(p) {}
    bool await_ready() {
      auto *p = static_cast<promise_type *>(m_target_node);
      if (!p->m_started && !p->m_done)
        p->m_loop->start_queued_now(p);
      return p->m_done;
    }
    decltype(auto) await_resume() const {
      done_awaiter::await_resume();
      auto *p = static_cast<promise_type *>(m_target_node);
      p->m_retrieved = true;
      if constexpr (Move && !std::is_void_v<T>)
        return T(std::move(*p).result());
      else
        return p->result();
    }
  };

  void reset() noexcept {
    if (m_promise && !m_promise->m_done) {
      try {
        m_promise->m_loop->cancel(m_promise);
      } catch (...) {
        detail::report_exception("cancelling a destroyed hot_task",
                                 std::current_exception());
      }
    }
    reset_without_cancel();
  }
  void reset_without_cancel() noexcept {
    if (m_promise)
      detail::release(std::exchange(m_promise, nullptr));
  }

  promise_type *m_promise = nullptr;
};

/// Hands a hot_task's task to its loop (the spawn-function form): it is
/// neither restarted nor cancelled; the returned handle does not own it.
template <class T> task_handle<T> create_task(hot_task<T> t) {
  if (!t)
    throw std::invalid_argument("eagerlint: create_task of an empty hot_task");
  return t.release();
}

namespace detail {
template <class T> hot_task<T> hot_promise<T>::get_return_object() {
  loop_core &loop = require_running_loop("calling a hot_task coroutine");
  if (loop.policy() == start_policy::eager)
    loop.check_eager_depth();
  this->m_loop = &loop;
  this->m_frame = std::coroutine_handle<hot_promise>::from_promise(*this);
  return hot_task<T>(this);
}
} // namespace detail

} // namespace eagerlint::rt

#endif
