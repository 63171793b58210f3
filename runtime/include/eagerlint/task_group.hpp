#ifndef EAGERLINT_RT_TASK_GROUP_HPP
#define EAGERLINT_RT_TASK_GROUP_HPP

#include <eagerlint/event_loop.hpp>
#include <eagerlint/task.hpp>
#include <eagerlint/task_handle.hpp>
#include <eagerlint/task_ref.hpp>

#include <cstddef>
#include <exception>
#include <utility>
#include <vector>

namespace eagerlint::rt {

/// asyncio.TaskGroup: spawn children with create_task, then
/// `co_await group.wait()` waits for all of them, including children spawned
/// while waiting. When a child fails, the others are cancelled and the first
/// failure is rethrown once all are done. If the waiting task is cancelled,
/// the children are cancelled too. A group destroyed without wait() cancels
/// the children still running.
class task_group {
public:
  /// A group on the running loop.
  task_group() : m_loop(&get_running_loop()) {}
  explicit task_group(event_loop &loop) noexcept : m_loop(&loop) {}
  task_group(const task_group &) = delete;
  task_group &operator=(const task_group &) = delete;
  ~task_group() { cancel_all(); }

  template <class T> task_handle<T> create_task(task<T> t) {
    return add(m_loop->create_task(std::move(t)));
  }
  template <class T> task_handle<T> create_task(task<T> t, start_policy p) {
    return add(m_loop->create_task(std::move(t), p));
  }

  std::size_t size() const noexcept { return m_children.size(); }

  /// Cancels every unfinished child; returns how many accepted.
  std::size_t cancel_all() {
    std::size_t n = 0;
    for (const auto &c : m_children)
      n += c.cancel() ? 1 : 0;
    return n;
  }

  /// Waits for every child (the "exit" of `async with TaskGroup()`).
  task<void> wait() {
    std::exception_ptr first;
    bool cancelled = false;
    for (std::size_t i = 0; i < m_children.size(); ++i) {
      detail::task_node *n = m_children[i].node();
      try {
        co_await detail::done_awaiter(n);
      } catch (const cancelled_error &) {
        cancelled = true;
      }
      if (cancelled) {
        cancel_all();
        break;
      }
      n->m_retrieved = true;
      if (n->m_exception && !n->m_cancelled && !first) {
        first = n->m_exception;
        cancel_all();
      }
    }
    if (cancelled)
      throw cancelled_error();
    if (first)
      std::rethrow_exception(first);
  }

private:
  template <class T> task_handle<T> add(task_handle<T> h) {
    m_children.push_back(h.ref());
    return h;
  }

  event_loop *m_loop;
  std::vector<task_ref> m_children;
};

} // namespace eagerlint::rt

#endif
