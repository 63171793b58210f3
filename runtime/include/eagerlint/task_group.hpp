#ifndef EAGERLINT_RT_TASK_GROUP_HPP
#define EAGERLINT_RT_TASK_GROUP_HPP

#include <eagerlint/event_loop.hpp>
#include <eagerlint/hot_task.hpp>
#include <eagerlint/task.hpp>
#include <eagerlint/task_handle.hpp>
#include <eagerlint/task_ref.hpp>

#include <cstddef>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

namespace eagerlint::rt {

/// asyncio.TaskGroup: spawn children with create_task, then
/// `co_await group.wait()` (the exit of `async with`) waits for all of them,
/// including children spawned while waiting. When a child fails, the others
/// are cancelled (from its done callback, i.e. on the next iteration) and the
/// first failure is rethrown once all are done. If the waiting task is
/// cancelled, the children are cancelled too. A group destroyed without
/// wait() cancels the children still running.
class task_group {
public:
  /// A group on the running loop.
  task_group() : task_group(get_running_loop()) {}
  explicit task_group(event_loop &loop)
      : m_loop(&loop), m_state(std::make_shared<state>()) {}
  task_group(const task_group &) = delete;
  task_group &operator=(const task_group &) = delete;
  ~task_group() { cancel_all(); }

  template <class T> task_handle<T> create_task(task<T> t) {
    return add(m_loop->create_task(std::move(t)));
  }
  template <class T> task_handle<T> create_task(task<T> t, start_policy p) {
    return add(m_loop->create_task(std::move(t), p));
  }
  /// Adopts a task spawned by a hot_task call.
  template <class T> task_handle<T> create_task(hot_task<T> t) {
    return add(rt::create_task(std::move(t)));
  }

  std::size_t size() const noexcept { return m_state->children.size(); }

  /// Cancels every unfinished child; returns how many accepted.
  std::size_t cancel_all() { return m_state->cancel_all(); }

  /// Waits for every child.
  task<void> wait() {
    std::shared_ptr<state> s = m_state;
    bool cancelled = false;
    for (std::size_t i = 0; i < s->children.size(); ++i) {
      try {
        co_await detail::done_awaiter(s->children[i].node());
      } catch (const cancelled_error &) {
        cancelled = true;
      }
      if (cancelled)
        break;
      s->children[i].node()->m_retrieved = true;
    }
    if (cancelled) {
      s->cancel_all();
      throw cancelled_error();
    }
    if (s->first_error)
      std::rethrow_exception(s->first_error);
  }

private:
  struct state {
    std::vector<task_ref> children;
    std::exception_ptr first_error;
    std::size_t cancel_all() {
      std::size_t n = 0;
      for (std::size_t i = 0; i < children.size(); ++i)
        n += children[i].cancel() ? 1 : 0;
      return n;
    }
  };

  template <class T> task_handle<T> add(task_handle<T> h) {
    m_state->children.push_back(h.ref());
    h.add_done_callback([s = m_state](const task_handle<T> &done) {
      detail::task_node *n = done.node();
      n->m_retrieved = true;
      if (n->m_exception && !n->m_cancelled && !s->first_error) {
        s->first_error = n->m_exception;
        s->cancel_all();
      }
    });
    return h;
  }

  event_loop *m_loop;
  std::shared_ptr<state> m_state;
};

} // namespace eagerlint::rt

#endif
