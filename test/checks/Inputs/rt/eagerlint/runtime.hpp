// Minimal mock of <eagerlint/runtime.hpp> for the eager-* check tests: the
// same qualified names as the reference runtime (docs/design.md §3), declarations
// and trivial bodies only. Needs the mock <coroutine> (Inputs/std).
#ifndef EAGERLINT_TEST_MOCK_RUNTIME_HPP
#define EAGERLINT_TEST_MOCK_RUNTIME_HPP

#include <coroutine>

namespace eagerlint::rt {

enum class start_policy { lazy, eager };

struct cancelled_error {};
struct timeout_error {};

namespace detail {
template <class T> struct result_slot {
  T Value{};
  void return_value(T V) { Value = V; }
};
template <> struct result_slot<void> {
  void return_void() {}
};
} // namespace detail

/// Lazy coroutine type; `co_await f()` runs `f` inline.
template <class T = void> class [[nodiscard]] task {
public:
  struct promise_type : detail::result_slot<T> {
    task get_return_object() noexcept { return task{}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {}
  };
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> H) noexcept {
    return H;
  }
  T await_resume() { return T(); }
};

class task_ref {
public:
  unsigned long id() const noexcept { return 0; }
  bool done() const noexcept { return false; }
  bool cancelled() const noexcept { return false; }
  bool cancel() const { return true; }
  friend bool operator==(const task_ref &, const task_ref &) noexcept {
    return true;
  }
};

template <class T = void> class task_handle {
public:
  bool cancel() const { return true; }
  bool done() const noexcept { return false; }
  bool cancelled() const noexcept { return false; }
  T result() const { return T(); }
  template <class F> void add_done_callback(F &&) const {}
  unsigned long id() const noexcept { return 0; }
  task_ref ref() const noexcept { return {}; }
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    T await_resume() const { return T(); }
  };
  awaiter operator co_await() const noexcept { return {}; }
};

class event_loop {
public:
  explicit event_loop(start_policy P = start_policy::lazy) noexcept : P(P) {}
  start_policy policy() const noexcept { return P; }
  void set_policy(start_policy NewP) noexcept { P = NewP; }
  template <class T> task_handle<T> create_task(task<T>) { return {}; }
  template <class T> task_handle<T> create_task(task<T>, start_policy) {
    return {};
  }
  template <class T> T run_until_complete(task<T>) { return T(); }
  long long time() const noexcept { return 0; }
  template <class F> void call_soon(F &&) {}

private:
  start_policy P;
};

template <class T> task_handle<T> create_task(task<T>) { return {}; }
template <class T> task_handle<T> create_task(task<T>, start_policy) {
  return {};
}
template <class T> T run(task<T>) { return T(); }
template <class T> T run(task<T>, start_policy) { return T(); }

namespace detail {
struct yield_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct sleep_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
template <class T> struct timeout_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};
} // namespace detail

[[nodiscard]] inline detail::yield_awaiter yield_now() noexcept { return {}; }
template <class Duration>
[[nodiscard]] detail::sleep_awaiter sleep(Duration) {
  return {};
}
inline task_ref current_task() { return {}; }
template <class Duration, class T>
[[nodiscard]] detail::timeout_awaitable<T> timeout(Duration, task<T>) {
  return {};
}

class event {
public:
  void set() noexcept {}
  void clear() noexcept {}
  bool is_set() const noexcept { return false; }
  detail::yield_awaiter wait() noexcept { return {}; }
};

template <class T> class queue {
public:
  void put_nowait(T) {}
  task<void> put(T) { co_return; }
  task<T> get() { co_return T(); }
};

class task_group {
public:
  template <class T> task_handle<T> create_task(task<T>) { return {}; }
};

class scoped_policy {
public:
  explicit scoped_policy(start_policy) noexcept {}
};

} // namespace eagerlint::rt

#endif
