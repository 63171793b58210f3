// Mock of an in-house runtime, the one docs/runtimes.md ("Describing an
// in-house runtime") configures through options alone: `app::task` is lazy,
// `executor::spawn` queues it and returns a `task_handle` whose destruction
// cancels the task, `start_lazily` keeps one spawn lazy whatever the
// default, `with_deadline` cancels the current task at a deadline,
// `current_task()` and `co_await this_task` name the running task (the
// latter answered by the promise without suspending).
#ifndef APP_RUNTIME_H
#define APP_RUNTIME_H
#include <coroutine>

namespace app {

template <class T = void> class task;

namespace detail {
struct promise_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
};
template <class T> struct promise : promise_base {
  T value{};
  task<T> get_return_object() noexcept;
  void return_value(T v) noexcept { value = v; }
};
template <> struct promise<void> : promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
};
} // namespace detail

template <class T> class [[nodiscard]] task {
public:
  using promise_type = detail::promise<T>;
  explicit task(std::coroutine_handle<promise_type> h) noexcept : m_h(h) {}
  task(task &&o) noexcept : m_h(o.m_h) { o.m_h = {}; }
  ~task() {
    if (m_h)
      m_h.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept {
    return m_h;
  }
  T await_resume() noexcept {
    if constexpr (requires { m_h.promise().value; })
      return m_h.promise().value;
  }

private:
  std::coroutine_handle<promise_type> m_h;
};

template <class T> task<T> detail::promise<T>::get_return_object() noexcept {
  return task<T>(std::coroutine_handle<promise<T>>::from_promise(*this));
}
inline task<void> detail::promise<void>::get_return_object() noexcept {
  return task<void>(std::coroutine_handle<promise<void>>::from_promise(*this));
}

/// The running task's identity.
struct task_id {
  int value = 0;
};
task_id current_task() noexcept;

/// `co_await this_task`: the promise answers without suspending, but
/// await_ready() is not a constant.
struct this_task_t {
  bool await_ready() const noexcept { return m_ready; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  task_id await_resume() const noexcept { return {}; }
  bool m_ready = true;
};
inline constexpr this_task_t this_task{};

/// Cancels the task that awaits it when \p ms pass.
template <class T> task<T> with_deadline(int ms, task<T> t);

template <class T> class task_handle {
public:
  task_handle() = default;
  task_handle(task_handle &&) noexcept = default;
  /// Cancels a task that has not finished.
  ~task_handle();
  void cancel() noexcept;
  bool done() const noexcept;
  T result();
};

struct start_lazily_t {};
inline constexpr start_lazily_t start_lazily{};

class executor {
public:
  template <class T> task_handle<T> spawn(task<T> t);
  template <class T> task_handle<T> spawn(task<T> t, start_lazily_t);
};

} // namespace app

#endif
