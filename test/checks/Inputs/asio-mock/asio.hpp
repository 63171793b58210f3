// Minimal mock of <asio.hpp> (Asio 1.22 names) for the asio-profile tests of
// the eager-* checks. Needs the mock <coroutine> (Inputs/std).
#ifndef EAGERLINT_TEST_MOCK_ASIO_HPP
#define EAGERLINT_TEST_MOCK_ASIO_HPP

#include <coroutine>

namespace asio {

class any_io_executor {};

class io_context {
public:
  using executor_type = any_io_executor;
  executor_type get_executor() noexcept { return {}; }
  unsigned long run() { return 0; }
};

namespace this_coro {
struct executor_t {};
constexpr executor_t executor;
struct cancellation_state_t {};
constexpr cancellation_state_t cancellation_state;
struct reset_cancellation_state_0_t {};
inline reset_cancellation_state_0_t reset_cancellation_state() { return {}; }
struct throw_if_cancelled_0_t {};
inline throw_if_cancelled_0_t throw_if_cancelled() { return {}; }
} // namespace this_coro

class cancellation_state {
public:
  bool cancelled() const noexcept { return false; }
};

namespace detail {
template <class T> struct result_slot {
  T Value{};
  void return_value(T V) { Value = V; }
};
template <> struct result_slot<void> {
  void return_void() {}
};
template <class T> struct ready_awaiter {
  T Value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return Value; }
};
template <> struct ready_awaiter<void> {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
} // namespace detail

template <class T = void, class Executor = any_io_executor>
class [[nodiscard]] awaitable {
public:
  struct promise_type : detail::result_slot<T> {
    awaitable get_return_object() noexcept { return awaitable{}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {}
    template <class A> A &&await_transform(A &&Awaitable) noexcept {
      return static_cast<A &&>(Awaitable);
    }
    detail::ready_awaiter<Executor>
    await_transform(this_coro::executor_t) noexcept {
      return {Executor{}};
    }
    detail::ready_awaiter<cancellation_state>
    await_transform(this_coro::cancellation_state_t) noexcept {
      return {cancellation_state{}};
    }
    detail::ready_awaiter<void>
    await_transform(this_coro::reset_cancellation_state_0_t) noexcept {
      return {};
    }
    detail::ready_awaiter<void>
    await_transform(this_coro::throw_if_cancelled_0_t) noexcept {
      return {};
    }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() { return T(); }
};

struct detached_t {};
constexpr detached_t detached;
struct use_awaitable_t {};
constexpr use_awaitable_t use_awaitable;

enum class cancellation_type : unsigned { none = 0, terminal = 1, all = 7 };

class cancellation_slot {};
class cancellation_signal {
public:
  void emit(cancellation_type) {}
  cancellation_slot slot() noexcept { return {}; }
};
template <class Token> struct cancellation_slot_binder {
  cancellation_slot Slot;
  Token Inner;
};
template <class Token>
cancellation_slot_binder<Token> bind_cancellation_slot(cancellation_slot S,
                                                       Token T) {
  return {S, T};
}

namespace experimental {
struct use_promise_t {};
constexpr use_promise_t use_promise;
struct deferred_t {};
constexpr deferred_t deferred;
template <class Signature = void()> class promise {
public:
  promise() = default;
  promise(promise &&) noexcept = default;
  ~promise() { cancel(); }
  void cancel(cancellation_type = cancellation_type::all) {}
  bool complete() const noexcept { return false; }
};
template <class Signature> struct deferred_async_operation {};
} // namespace experimental

template <class T, class E, class Token>
void co_spawn(const any_io_executor &, awaitable<T, E>, Token &&) {}
template <class T, class E, class Token>
void co_spawn(io_context &, awaitable<T, E>, Token &&) {}
// The completion token decides what co_spawn returns.
template <class T, class E>
awaitable<T, E> co_spawn(const any_io_executor &, awaitable<T, E>,
                         use_awaitable_t) {
  return {};
}
template <class T, class E>
experimental::promise<void()> co_spawn(const any_io_executor &,
                                       awaitable<T, E>,
                                       experimental::use_promise_t) {
  return {};
}
template <class T, class E>
experimental::deferred_async_operation<void()>
co_spawn(const any_io_executor &, awaitable<T, E>, experimental::deferred_t) {
  return {};
}

inline awaitable<void> post(const any_io_executor &, use_awaitable_t) {
  return {};
}
inline awaitable<void> dispatch(const any_io_executor &, use_awaitable_t) {
  return {};
}

class steady_timer {
public:
  explicit steady_timer(const any_io_executor &) {}
  template <class D> void expires_after(D) {}
  awaitable<void> async_wait(use_awaitable_t) { return {}; }
};

namespace experimental::awaitable_operators {
inline awaitable<void> operator||(awaitable<void>, awaitable<void>) {
  return {};
}
inline awaitable<void> operator&&(awaitable<void>, awaitable<void>) {
  return {};
}
} // namespace experimental::awaitable_operators

} // namespace asio

#endif
