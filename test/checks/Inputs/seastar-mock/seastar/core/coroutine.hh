// Minimal mock of <seastar/core/coroutine.hh> for the seastar-profile tests:
// a coroutine returning seastar::future gets its promise type from a
// std::coroutine_traits specialization, and that type's initial_suspend is
// suspend_never: calling the coroutine runs it. Needs the mock <coroutine>.
#ifndef EAGERLINT_TEST_MOCK_SEASTAR_COROUTINE_HH
#define EAGERLINT_TEST_MOCK_SEASTAR_COROUTINE_HH

#include <coroutine>
#include <seastar/core/future.hh>

namespace seastar::internal {

template <class T> struct coroutine_result {
  void return_value(T) {}
};
template <> struct coroutine_result<void> {
  void return_void() {}
};

template <class T> class coroutine_traits_base {
public:
  class promise_type final : public coroutine_result<T> {
  public:
    future<T> get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {}
  };
};

template <class U> struct awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  U await_resume() { return U(); }
};

} // namespace seastar::internal

namespace seastar {
template <class U> internal::awaiter<U> operator co_await(future<U>) {
  return {};
}
} // namespace seastar

namespace std {
template <class T, class... Args>
class coroutine_traits<seastar::future<T>, Args...>
    : public seastar::internal::coroutine_traits_base<T> {};
} // namespace std

#endif
