// A project's own coroutine types and spawn API, known to no built-in
// profile: `task` is lazy, `eager` starts when called; `executor::spawn`
// keeps a task to run later, `run_inline` awaits it.
#pragma once
#include <coroutine>
#include <utility>
#include <vector>

namespace app {

template <class Initial> struct basic_promise;

template <class Initial> class basic_task {
public:
  using promise_type = basic_promise<Initial>;
  explicit basic_task(std::coroutine_handle<promise_type> h) : m_h(h) {}
  basic_task(basic_task &&o) noexcept : m_h(std::exchange(o.m_h, {})) {}
  ~basic_task() {
    if (m_h)
      m_h.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept {
    return m_h;
  }
  void await_resume() const noexcept {}

private:
  std::coroutine_handle<promise_type> m_h;
};

template <class Initial> struct basic_promise {
  basic_task<Initial> get_return_object() {
    return basic_task<Initial>(
        std::coroutine_handle<basic_promise>::from_promise(*this));
  }
  Initial initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() noexcept {}
  void unhandled_exception() noexcept {}
};

using task = basic_task<std::suspend_always>;

class [[nodiscard]] eager {
public:
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};

struct yield_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};
inline yield_awaiter yield() { return {}; }

class executor {
public:
  void spawn(task t) { m_queue.push_back(std::move(t)); }

private:
  std::vector<task> m_queue;
};

inline task run_inline(task t) { co_await std::move(t); }

} // namespace app
