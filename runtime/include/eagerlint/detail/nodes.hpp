#ifndef EAGERLINT_RT_DETAIL_NODES_HPP
#define EAGERLINT_RT_DETAIL_NODES_HPP

// Intrusive building blocks shared by the loop and the primitives. Nothing
// here allocates: every node lives inside a coroutine frame or an awaiter.

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>

namespace eagerlint::rt::detail {

class loop_core;
struct task_node;

/// An entry of the loop's FIFO ready queue: a task to resume or a callback.
struct ready_node {
  ready_node *m_next = nullptr;
  void (*m_run)(ready_node *) = nullptr;
};

/// What a parked task waits on. `m_abandon` unregisters it (cancellation).
struct waiter {
  task_node *m_task = nullptr;
  void (*m_abandon)(waiter *) = nullptr;
};

/// Doubly linked entry of a task's completion list (awaiters, gather cursors,
/// done callbacks).
struct completion_node {
  completion_node *m_prev = nullptr;
  completion_node *m_next = nullptr;
  task_node *m_target = nullptr;
  void (*m_on_done)(completion_node *) = nullptr;
  bool linked() const noexcept { return m_target != nullptr; }
};

/// An entry of the loop's timer heap (virtual clock, nanoseconds).
struct timer_node {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::int64_t m_deadline = 0;
  std::uint64_t m_seq = 0;
  std::size_t m_index = npos;
  void (*m_fire)(timer_node *) = nullptr;
  bool armed() const noexcept { return m_index != npos; }
};

/// The task object. It is embedded in every `task<T>` promise, so spawning
/// never allocates anything beyond the coroutine frame; a frame awaited inline
/// simply leaves it unused. A spawned frame is reference counted through it
/// (handles, task_refs, the loop while the task is live).
struct task_node : ready_node {
  loop_core *m_loop = nullptr;
  std::coroutine_handle<> m_frame; // set once spawned; null when awaited inline
  std::coroutine_handle<> m_leaf;  // innermost suspended coroutine to resume
  waiter *m_wait = nullptr;        // what the parked task waits on, if anything
  completion_node *m_done_head = nullptr;
  completion_node *m_done_tail = nullptr;
  task_node *m_live_prev = nullptr; // loop's list of live materialized tasks
  task_node *m_live_next = nullptr;
  std::exception_ptr m_exception;
  std::uint64_t m_id = 0;
  std::uint32_t m_refs = 0;
  bool m_started = false;
  bool m_materialized = false;
  bool m_done = false;
  bool m_cancelled = false;
  bool m_cancel_pending = false;
  bool m_in_ready = false;
  bool m_retrieved = false;
};

inline void add_ref(task_node *t) noexcept { ++t->m_refs; }

inline void release(task_node *t) noexcept {
  if (--t->m_refs == 0 && t->m_frame)
    t->m_frame.destroy(); // the node lives in this frame
}

} // namespace eagerlint::rt::detail

#endif
