#ifndef EAGERLINT_RT_TASK_HPP
#define EAGERLINT_RT_TASK_HPP

#include <eagerlint/detail/loop_core.hpp>

#include <coroutine>
#include <exception>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace eagerlint::rt {

template <class T = void> class task;

namespace detail {

class promise_base : public task_node {
public:
  struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <class P>
    std::coroutine_handle<>
    await_suspend(std::coroutine_handle<P> h) const noexcept {
      promise_base &p = h.promise();
      if (p.m_continuation)
        return p.m_continuation; // awaited inline: back to the awaiter
      if (p.m_loop)
        p.m_loop->complete(&p); // a spawned task finished
      return std::noop_coroutine();
    }
    void await_resume() const noexcept {}
  };

  std::suspend_always initial_suspend() const noexcept { return {}; }
  final_awaiter final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept {
    m_exception = std::current_exception();
  }

  std::coroutine_handle<> m_continuation;
};

template <class T> class promise : public promise_base {
public:
  promise() noexcept {}
  ~promise() {
    if (m_has_value)
      std::destroy_at(std::addressof(m_value));
  }

  task<T> get_return_object() noexcept;

  template <class U = T>
    requires std::is_convertible_v<U &&, T>
  void return_value(U &&v) noexcept(std::is_nothrow_constructible_v<T, U &&>) {
    std::construct_at(std::addressof(m_value), std::forward<U>(v));
    m_has_value = true;
  }

  T &result() & {
    if (m_exception)
      std::rethrow_exception(m_exception);
    return m_value;
  }
  T &&result() && { return std::move(result()); }

private:
  union {
    T m_value;
  };
  bool m_has_value = false;
};

template <> class promise<void> : public promise_base {
public:
  task<void> get_return_object() noexcept;
  void return_void() const noexcept {}
  void result() const {
    if (m_exception)
      std::rethrow_exception(m_exception);
  }
};

} // namespace detail

/// A lazy coroutine. `co_await f()` runs `f` inline in the current task
/// (symmetric transfer, no new task); `create_task(f())` spawns it.
template <class T> class [[nodiscard]] task {
public:
  using promise_type = detail::promise<T>;
  using value_type = T;
  using handle_type = std::coroutine_handle<promise_type>;

  task() noexcept = default;
  explicit task(handle_type h) noexcept : m_coro(h) {}
  task(task &&other) noexcept : m_coro(std::exchange(other.m_coro, {})) {}
  task &operator=(task &&other) noexcept {
    if (this != &other) {
      if (m_coro)
        m_coro.destroy();
      m_coro = std::exchange(other.m_coro, {});
    }
    return *this;
  }
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  ~task() {
    if (m_coro)
      m_coro.destroy();
  }

  /// True if this object owns a coroutine.
  bool valid() const noexcept { return static_cast<bool>(m_coro); }
  /// True once the coroutine ran to completion (awaited inline).
  bool is_ready() const noexcept { return !m_coro || m_coro.done(); }

  /// The owned coroutine (still owned).
  handle_type handle() const noexcept { return m_coro; }

  /// Gives up ownership of the coroutine frame (used by create_task).
  handle_type release() noexcept { return std::exchange(m_coro, {}); }

  auto operator co_await() & noexcept { return awaiter<false>{m_coro}; }
  auto operator co_await() && noexcept { return awaiter<true>{m_coro}; }

private:
  template <bool Move> struct awaiter {
    handle_type m_coro;
    bool await_ready() const noexcept { return !m_coro || m_coro.done(); }
    std::coroutine_handle<>
    await_suspend(std::coroutine_handle<> awaiting) noexcept {
      m_coro.promise().m_continuation = awaiting;
      return m_coro;
    }
    decltype(auto) await_resume() {
      if (!m_coro)
        throw std::logic_error("eagerlint: co_await on an empty task");
      if constexpr (Move)
        return std::move(m_coro.promise()).result();
      else
        return m_coro.promise().result();
    }
  };

  handle_type m_coro;
};

namespace detail {
template <class T> task<T> promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<promise<T>>::from_promise(*this)};
}
inline task<void> promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<promise<void>>::from_promise(*this)};
}
} // namespace detail

} // namespace eagerlint::rt

#endif
