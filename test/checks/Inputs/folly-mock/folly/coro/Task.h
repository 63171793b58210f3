// Minimal mock of <folly/coro/Task.h> for the folly-profile tests: `Task` is
// lazy (initial_suspend is suspend_always); `co_withExecutor` is a
// customization-point object that binds an executor; `start()` queues the
// task on it, `startInlineUnsafe()` runs it inline. Needs the mock
// <coroutine> (Inputs/std).
#ifndef EAGERLINT_TEST_MOCK_FOLLY_CORO_TASK_H
#define EAGERLINT_TEST_MOCK_FOLLY_CORO_TASK_H

#include <coroutine>
#include <folly/CancellationToken.h>
#include <folly/Executor.h>
#include <folly/coro/CurrentExecutor.h>
#include <folly/futures/Future.h>

namespace folly {
template <class T> struct lift_unit { using type = T; };
template <> struct lift_unit<void> { using type = Unit; };
template <class T> using lift_unit_t = typename lift_unit<T>::type;
} // namespace folly

namespace folly::coro {

template <class T = void> class Task;
template <class T = void> class TaskWithExecutor;

namespace detail {
template <class T> struct Ready {
  T Value;
  constexpr bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return Value; }
};
struct Reschedule {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

template <class T> struct TaskResult {
  T Value{};
  void return_value(T V) { Value = V; }
};
template <> struct TaskResult<void> {
  void return_void() {}
};

template <class T> class TaskPromise : public TaskResult<T> {
public:
  Task<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
  template <class A> A &&await_transform(A &&Awaitable) noexcept {
    return static_cast<A &&>(Awaitable);
  }
  Ready<Executor *> await_transform(co_current_executor_t) noexcept {
    return {nullptr};
  }
  Ready<CancellationToken>
  await_transform(co_current_cancellation_token_t) noexcept {
    return {CancellationToken{}};
  }
  Reschedule await_transform(co_reschedule_on_current_executor_t) noexcept {
    return {};
  }
};

namespace adl {
void co_withExecutor();
struct WithExecutorFunction {
  template <class Awaitable>
  auto operator()(Executor::KeepAlive<> E, Awaitable A) const {
    return co_withExecutor(E, static_cast<Awaitable &&>(A));
  }
};
} // namespace adl
} // namespace detail

namespace folly_cpo__ {
inline constexpr detail::adl::WithExecutorFunction co_withExecutor{};
}
using namespace folly_cpo__;

template <class T> class [[nodiscard]] TaskWithExecutor {
public:
  struct Awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    T await_resume() const { return T(); }
  };
  Awaiter operator co_await() && noexcept { return {}; }

  SemiFuture<lift_unit_t<T>> start() && { return {}; }
  template <class F> void start(F &&, CancellationToken = {}) && {}
  SemiFuture<lift_unit_t<T>> startInlineUnsafe() && { return {}; }
  template <class F> void startInlineUnsafe(F &&, CancellationToken = {}) && {}
};

template <class T> class [[nodiscard]] Task {
public:
  using promise_type = detail::TaskPromise<T>;
  struct Awaiter {
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> H) noexcept {
      return H;
    }
    T await_resume() { return T(); }
  };
  Awaiter operator co_await() && noexcept { return {}; }

  friend TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<>,
                                             Task) noexcept {
    return {};
  }
  SemiFuture<lift_unit_t<T>> semi() && { return {}; }
};

template <class T> Task<T> detail::TaskPromise<T>::get_return_object() noexcept {
  return {};
}

} // namespace folly::coro

#endif
