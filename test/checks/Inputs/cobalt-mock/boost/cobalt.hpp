// Minimal mock of <boost/cobalt.hpp> (Boost.Cobalt, Boost 1.84+) for the
// cobalt-profile tests: the real qualified names and each coroutine type's
// initial_suspend (`promise`, `detached`, `generator` start when called,
// `task` does not). Needs the mock <coroutine> (Inputs/std).
#ifndef EAGERLINT_TEST_MOCK_BOOST_COBALT_HPP
#define EAGERLINT_TEST_MOCK_BOOST_COBALT_HPP

#include <boost/asio.hpp>
#include <coroutine>

namespace boost::cobalt {

using executor = asio::any_io_executor;

namespace this_coro {
using namespace asio::this_coro;
struct allocator_t {};
constexpr allocator_t allocator;
struct cancelled_t {};
constexpr cancelled_t cancelled;
} // namespace this_coro

namespace detail {
template <class T> struct ready {
  T Value;
  constexpr bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return Value; }
};
template <> struct ready<void> {
  constexpr bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
/// Always suspends: the operation completes later, on the executor.
template <class T> struct pending {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};

template <class T> struct result_slot {
  T Value{};
  void return_value(T V) { Value = V; }
};
template <> struct result_slot<void> {
  void return_void() {}
};

/// What every cobalt promise type answers without suspending.
struct this_coro_awaits {
  template <class A> A &&await_transform(A &&Awaitable) noexcept {
    return static_cast<A &&>(Awaitable);
  }
  ready<executor> await_transform(asio::this_coro::executor_t) noexcept {
    return {executor{}};
  }
  ready<asio::cancellation_state>
  await_transform(asio::this_coro::cancellation_state_t) noexcept {
    return {asio::cancellation_state{}};
  }
  ready<void>
  await_transform(asio::this_coro::reset_cancellation_state_0_t) noexcept {
    return {};
  }
  ready<void> await_transform(asio::this_coro::throw_if_cancelled_0_t) noexcept {
    return {};
  }
  ready<asio::cancellation_type>
  await_transform(this_coro::cancelled_t) noexcept {
    return {asio::cancellation_type::none};
  }
};

template <class T> struct cobalt_promise;
template <class T> struct task_promise;
template <class Y> struct generator_promise;
} // namespace detail

template <class Return> struct [[nodiscard]] promise {
  using promise_type = detail::cobalt_promise<Return>;
  detail::pending<Return> operator co_await() { return {}; }
  void cancel(asio::cancellation_type = asio::cancellation_type::all) {}
  bool ready() const { return false; }
  Return get() { return Return(); }
  bool attached() const { return true; }
  void detach() {}
  void attach() {}
};

template <class Return> struct [[nodiscard]] task {
  using promise_type = detail::task_promise<Return>;
  detail::pending<Return> operator co_await() { return {}; }
};

struct detached {
  struct promise_type : detail::this_coro_awaits {
    detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept {}
  };
};

template <class Yield, class Push = void> struct [[nodiscard]] generator {
  using promise_type = detail::generator_promise<Yield>;
  detail::pending<Yield> operator co_await() { return {}; }
  void cancel(asio::cancellation_type = asio::cancellation_type::all) {}
  bool ready() const { return false; }
};

namespace detail {
template <class T> struct cobalt_promise : this_coro_awaits, result_slot<T> {
  promise<T> get_return_object() noexcept { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
};

template <class T> struct task_promise : this_coro_awaits, result_slot<T> {
  struct initial_awaitable {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) {}
    void await_resume() {}
  };
  task<T> get_return_object() noexcept { return {}; }
  initial_awaitable initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
};

template <class Y> struct generator_promise : this_coro_awaits, result_slot<Y> {
  generator<Y> get_return_object() noexcept { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  std::suspend_always yield_value(Y) noexcept { return {}; }
  void unhandled_exception() noexcept {}
};
} // namespace detail

struct use_op_t {};
constexpr use_op_t use_op{};

template <class T, class Token> void spawn(executor, task<T> &&, Token &&) {}
template <class T, class Token>
void spawn(asio::io_context &, task<T> &&, Token &&) {}

template <class... Awaitables> detail::pending<int> race(Awaitables &&...) {
  return {};
}
template <class... Awaitables>
detail::pending<int> left_race(Awaitables &&...) {
  return {};
}

} // namespace boost::cobalt

namespace boost::asio {
template <> struct async_result<cobalt::use_op_t> {
  using return_type = cobalt::detail::pending<void>;
  static return_type initiate(cobalt::use_op_t) { return {}; }
};
} // namespace boost::asio

#endif
