// A project with its own spawn wrapper, cancel-scope and task-identity
// functions, and an awaitable that never suspends in practice: eagerlint
// learns about them from options.
#include <eagerlint/runtime.hpp>

#include <coroutine>
#include <utility>

namespace rt = eagerlint::rt;

namespace app {

void enter_scope() {}
int whoami() { return 0; }

template <class T> rt::task_handle<T> launch(rt::task<T> t) {
  return rt::create_task(std::move(t));
}

struct instant {
  bool ready = true;
  bool await_ready() const noexcept { return ready; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

rt::task<int> job() {
  enter_scope();
  int me = whoami();
  co_await rt::yield_now();
  co_return me;
}

rt::task<int> start() {
  auto h = rt::create_task(job());
  co_return co_await h;
}

rt::task<int> job2() {
  int t = static_cast<int>(rt::current_task().id());
  co_await rt::yield_now();
  co_return t;
}

rt::task<int> start2() {
  auto h = launch(job2());
  co_return co_await h;
}

rt::task<int> job3() {
  co_await instant{};
  enter_scope();
  co_await rt::yield_now();
  co_return 3;
}

rt::task<int> start3() {
  auto h = rt::create_task(job3());
  co_return co_await h;
}

} // namespace app
