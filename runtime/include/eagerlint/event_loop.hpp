#ifndef EAGERLINT_RT_EVENT_LOOP_HPP
#define EAGERLINT_RT_EVENT_LOOP_HPP

#include <eagerlint/detail/loop_core.hpp>
#include <eagerlint/start_policy.hpp>
#include <eagerlint/task.hpp>
#include <eagerlint/task_handle.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace eagerlint::rt {

/// A single-threaded, deterministic event loop: FIFO ready queue, virtual
/// clock that jumps to the next timer when nothing is ready. The machinery
/// (ready queue, parking, timers) is a private base: the runtime's own
/// awaiters reach it through the running loop, users only see this API.
class event_loop : private detail::loop_core {
public:
  explicit event_loop(start_policy policy = start_policy::lazy) noexcept
      : loop_core(policy) {}
  ~event_loop() { close(); }
  event_loop(const event_loop &) = delete;
  event_loop &operator=(const event_loop &) = delete;

  using loop_core::call_soon;
  using loop_core::close;
  using loop_core::closed;
  using loop_core::eager_depth;
  using loop_core::eager_inline_completions;
  using loop_core::iterations;
  using loop_core::live_tasks;
  using loop_core::max_eager_depth;
  using loop_core::policy;
  using loop_core::ready_count;
  using loop_core::ready_pushes;
  using loop_core::run_once;
  using loop_core::run_until_idle;
  using loop_core::set_max_eager_depth;
  using loop_core::set_policy;
  using loop_core::tasks_scheduled;
  using loop_core::time;
  using loop_core::timer_count;

  /// Spawns `t` with the loop's default policy.
  template <class T> task_handle<T> create_task(task<T> t) {
    return create_task(std::move(t), policy());
  }

  /// Spawns `t` with `policy` (per-call override, like eager_start=).
  /// lazy: queued, its first instruction runs in a later iteration.
  /// eager: runs now, on this stack, until it first suspends or finishes; if
  /// it finishes, the returned handle is done and nothing was scheduled.
  /// Throws eager_recursion_error past max_eager_depth() nested eager starts.
  template <class T> task_handle<T> create_task(task<T> t, start_policy policy) {
    auto h = t.release();
    if (!h)
      throw std::invalid_argument("eagerlint: create_task of an empty task");
    detail::promise<T> &p = h.promise();
    p.m_frame = h;
    if (policy == start_policy::lazy)
      spawn_lazy(&p);
    else
      spawn_eager(&p);
    return task_handle<T>(&p);
  }

  /// Runs the loop until `main` (always started lazily, as its own task)
  /// finishes; returns its result or rethrows its exception. Throws
  /// std::runtime_error if the loop runs out of work before that.
  template <class T> T run_until_complete(task<T> main) {
    detail::running_loop_scope scope(this);
    task_handle<T> h = create_task(std::move(main), start_policy::lazy);
    while (!h.done()) {
      if (!run_once())
        throw std::runtime_error("eagerlint: run_until_complete: the main "
                                 "task is blocked and nothing else can run");
    }
    if constexpr (std::is_void_v<T>)
      h.result();
    else
      return std::move(h.result());
  }

  /// Runs iterations while something is ready, without moving the clock.
  void run_ready() {
    while (ready_count() > 0)
      run_once();
  }

  /// Runs iterations until the virtual clock would pass `now + d`.
  template <class Rep, class Period>
  void run_for(std::chrono::duration<Rep, Period> d) {
    const std::int64_t until = now_ns() + detail::to_ns(d);
    while (ready_count() > 0 || (timer_count() > 0 && next_deadline() <= until))
      run_once();
    advance_clock_to(until);
  }

  /// The loop whose iteration (or eager prefix) runs now, or null.
  static event_loop *running() noexcept {
    // Every loop_core is an event_loop's base (its constructor is private).
    return static_cast<event_loop *>(detail::running_loop_core());
  }
};

/// The running loop; std::logic_error if none.
inline event_loop &get_running_loop() {
  detail::require_running_loop("get_running_loop()");
  return *event_loop::running();
}

/// `create_task` on the running loop, with its default policy.
template <class T> task_handle<T> create_task(task<T> t) {
  return get_running_loop().create_task(std::move(t));
}

/// `create_task` on the running loop with an explicit policy.
template <class T> task_handle<T> create_task(task<T> t, start_policy policy) {
  return get_running_loop().create_task(std::move(t), policy);
}

} // namespace eagerlint::rt

#endif
