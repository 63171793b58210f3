#ifndef EAGERLINT_RT_TASK_REF_HPP
#define EAGERLINT_RT_TASK_REF_HPP

#include <eagerlint/detail/loop_core.hpp>

#include <cstdint>
#include <utility>

namespace eagerlint::rt {

template <class T> class task_handle;

/// Type-erased identity of a task (what `current_task()` returns). Keeps the
/// task alive like a handle; compares equal when it names the same task.
class task_ref {
public:
  task_ref() noexcept = default;
  explicit task_ref(detail::task_node *node) noexcept : m_node(node) {
    if (m_node)
      detail::add_ref(m_node);
  }
  task_ref(const task_ref &other) noexcept : task_ref(other.m_node) {}
  task_ref(task_ref &&other) noexcept
      : m_node(std::exchange(other.m_node, nullptr)) {}
  task_ref &operator=(task_ref other) noexcept {
    std::swap(m_node, other.m_node);
    return *this;
  }
  ~task_ref() {
    if (m_node)
      detail::release(m_node);
  }

  explicit operator bool() const noexcept { return m_node != nullptr; }

  /// Per-loop task id (1, 2, ...); 0 for the loop's placeholder task (the
  /// creator seen by an eager prefix run from outside any task).
  std::uint64_t id() const noexcept { return m_node ? m_node->m_id : 0; }
  /// True for the loop-owned placeholder task.
  bool is_placeholder() const noexcept {
    return m_node && !m_node->m_frame;
  }
  bool done() const noexcept { return m_node && m_node->m_done; }
  bool cancelled() const noexcept { return m_node && m_node->m_cancelled; }
  /// Requests cancellation (rule 3). False if done, or the placeholder.
  bool cancel() const { return m_node && m_node->m_loop->cancel(m_node); }

  friend bool operator==(const task_ref &a, const task_ref &b) noexcept {
    return a.m_node == b.m_node;
  }

  detail::task_node *node() const noexcept { return m_node; }

private:
  detail::task_node *m_node = nullptr;
};

/// The running loop's current task: the task whose code runs now, the
/// creator's task during an eager prefix, the loop's placeholder outside any
/// task. Throws std::logic_error when no loop is running.
inline task_ref current_task() {
  return task_ref(detail::require_running_loop("current_task()").current_node());
}

} // namespace eagerlint::rt

#endif
