#ifndef EAGERLINT_RT_GATHER_HPP
#define EAGERLINT_RT_GATHER_HPP

#include <eagerlint/event_loop.hpp>
#include <eagerlint/hot_task.hpp>
#include <eagerlint/task.hpp>
#include <eagerlint/task_handle.hpp>

#include <array>
#include <coroutine>
#include <cstddef>
#include <exception>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace eagerlint::rt {

namespace detail {

template <class T>
using result_slot_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <class T> task_handle<T> to_handle(task<T> &&t) {
  return create_task(std::move(t)); // the running loop's default policy
}
template <class T> task_handle<T> to_handle(const task_handle<T> &h) {
  return h;
}
template <class T> task_handle<T> to_handle(hot_task<T> &&t) {
  return create_task(std::move(t)); // already spawned by its call
}

template <class A> struct handle_of;
template <class T> struct handle_of<task<T>> {
  using type = task_handle<T>;
};
template <class T> struct handle_of<task_handle<T>> {
  using type = task_handle<T>;
};
template <class T> struct handle_of<hot_task<T>> {
  using type = task_handle<T>;
};
template <class A>
using handle_of_t = typename handle_of<std::remove_cvref_t<A>>::type;

template <class A>
concept gatherable = requires { typename handle_of_t<A>; };

/// Waits until every child is done while registered on one unfinished child
/// at a time, so waiting allocates nothing.
class gather_cursor : public waiter, public completion_node {
public:
  using node_at_fn = task_node *(*)(const void *seq, std::size_t i);

  gather_cursor() noexcept = default;
  gather_cursor(const gather_cursor &) = delete;
  gather_cursor &operator=(const gather_cursor &) = delete;
  ~gather_cursor() { loop_core::unlink_completion(this); }

  void bind(const void *seq, std::size_t count, node_at_fn at) noexcept {
    m_seq = seq;
    m_count = count;
    m_at = at;
  }
  bool all_done() noexcept {
    while (m_next < m_count && m_at(m_seq, m_next)->m_done)
      ++m_next;
    return m_next == m_count;
  }
  void suspend(std::coroutine_handle<> h) {
    m_loop = &require_running_loop("gather()");
    m_abandon = [](waiter *w) {
      // the gathering task is cancelled: so are the unfinished children
      auto *self = static_cast<gather_cursor *>(w);
      loop_core::unlink_completion(self);
      for (std::size_t i = self->m_next; i < self->m_count; ++i)
        self->m_loop->cancel(self->m_at(self->m_seq, i));
    };
    m_on_done = [](completion_node *c) {
      auto *self = static_cast<gather_cursor *>(c);
      if (self->link_next())
        loop_core::wake(self);
    };
    link_next();
    m_loop->park(h, this);
    m_suspended = true;
  }
  void resume_check() const {
    if (m_suspended)
      m_loop->resume_check();
  }

private:
  bool link_next() noexcept {
    if (all_done())
      return true;
    loop_core::link_completion(m_at(m_seq, m_next), this);
    return false;
  }

  const void *m_seq = nullptr;
  std::size_t m_count = 0;
  std::size_t m_next = 0;
  node_at_fn m_at = nullptr;
  loop_core *m_loop = nullptr;
  bool m_suspended = false;
};

template <class T> decltype(auto) take_result(const task_handle<T> &h) {
  if constexpr (std::is_void_v<T>) {
    h.result();
    return std::monostate{};
  } else if constexpr (std::is_copy_constructible_v<T>) {
    return T(h.result());
  } else {
    return T(std::move(h.result()));
  }
}

template <class... Ts> class gather_awaitable {
public:
  using value_type = std::tuple<result_slot_t<Ts>...>;

  explicit gather_awaitable(task_handle<Ts>... handles)
      : m_handles(std::move(handles)...) {}

  bool await_ready() noexcept {
    std::apply(
        [this](const auto &...h) {
          std::size_t i = 0;
          ((m_nodes[i++] = h.node()), ...);
        },
        m_handles);
    m_cursor.bind(m_nodes.data(), sizeof...(Ts),
                  [](const void *seq, std::size_t i) {
                    return static_cast<task_node *const *>(seq)[i];
                  });
    return m_cursor.all_done();
  }
  void await_suspend(std::coroutine_handle<> h) { m_cursor.suspend(h); }
  value_type await_resume() {
    m_cursor.resume_check();
    std::exception_ptr first;
    for (task_node *n : m_nodes) {
      n->m_retrieved = true;
      if (n->m_exception && !first)
        first = n->m_exception;
    }
    if (first)
      std::rethrow_exception(first);
    return std::apply(
        [](const auto &...h) { return value_type(take_result(h)...); },
        m_handles);
  }

private:
  std::tuple<task_handle<Ts>...> m_handles;
  std::array<task_node *, sizeof...(Ts)> m_nodes{};
  gather_cursor m_cursor;
};

template <class T> class gather_vector_awaitable {
public:
  explicit gather_vector_awaitable(std::vector<task_handle<T>> handles)
      : m_handles(std::move(handles)) {}

  bool await_ready() noexcept {
    m_cursor.bind(&m_handles, m_handles.size(),
                  [](const void *seq, std::size_t i) -> task_node * {
                    return (*static_cast<const std::vector<task_handle<T>> *>(
                        seq))[i]
                        .node();
                  });
    return m_cursor.all_done();
  }
  void await_suspend(std::coroutine_handle<> h) { m_cursor.suspend(h); }
  auto await_resume() {
    m_cursor.resume_check();
    std::exception_ptr first;
    for (const auto &h : m_handles) {
      task_node *n = h.node();
      n->m_retrieved = true;
      if (n->m_exception && !first)
        first = n->m_exception;
    }
    if (first)
      std::rethrow_exception(first);
    if constexpr (std::is_void_v<T>) {
      return;
    } else {
      std::vector<T> out;
      out.reserve(m_handles.size());
      for (const auto &h : m_handles)
        out.push_back(take_result(h));
      return out;
    }
  }

private:
  std::vector<task_handle<T>> m_handles;
  gather_cursor m_cursor;
};

} // namespace detail

/// asyncio.gather: each argument is a task_handle<T>, a task<T> (spawned at
/// once on the running loop with its default policy) or an rvalue
/// hot_task<T> (spawned by its call; gather takes it over). Awaiting waits for all
/// of them and returns a tuple of results (std::monostate for void); if any
/// failed, the first failure in argument order is rethrown after all are
/// done. Cancelling the gathering task cancels the unfinished children.
template <detail::gatherable... Args>
[[nodiscard]] auto gather(Args &&...args) {
  using awaitable_t = detail::gather_awaitable<
      typename detail::handle_of_t<Args>::value_type...>;
  // braces: children are spawned left to right
  return awaitable_t{detail::to_handle(std::forward<Args>(args))...};
}

/// gather over a runtime number of handles: returns std::vector<T> (void for
/// task_handle<void>).
template <class T>
[[nodiscard]] detail::gather_vector_awaitable<T>
gather(std::vector<task_handle<T>> handles) {
  return detail::gather_vector_awaitable<T>(std::move(handles));
}

/// gather over a runtime number of coroutines, each spawned with the running
/// loop's default policy.
template <class T>
[[nodiscard]] detail::gather_vector_awaitable<T> gather(std::vector<task<T>> tasks) {
  std::vector<task_handle<T>> handles;
  handles.reserve(tasks.size());
  for (auto &t : tasks)
    handles.push_back(create_task(std::move(t)));
  return detail::gather_vector_awaitable<T>(std::move(handles));
}

} // namespace eagerlint::rt

#endif
