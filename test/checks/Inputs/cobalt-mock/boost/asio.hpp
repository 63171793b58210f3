// Minimal mock of the Boost.Asio names the cobalt-profile tests use (Boost
// 1.84+, namespace boost::asio). Needs the mock <coroutine> (Inputs/std).
#ifndef EAGERLINT_TEST_MOCK_BOOST_ASIO_HPP
#define EAGERLINT_TEST_MOCK_BOOST_ASIO_HPP

#include <coroutine>

namespace boost::asio {

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

enum class cancellation_type : unsigned { none = 0, terminal = 1, all = 7 };

class cancellation_state {
public:
  cancellation_type cancelled() const noexcept {
    return cancellation_type::none;
  }
};

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

struct detached_t {};
constexpr detached_t detached;

// A completion token picks what an initiating function returns.
template <class Token> struct async_result;

template <class Token>
typename async_result<Token>::return_type post(const any_io_executor &,
                                               Token T) {
  return async_result<Token>::initiate(T);
}

class steady_timer {
public:
  explicit steady_timer(const any_io_executor &) {}
  template <class D> void expires_after(D) {}
  template <class Token>
  typename async_result<Token>::return_type async_wait(Token T) {
    return async_result<Token>::initiate(T);
  }
};

} // namespace boost::asio

#endif
