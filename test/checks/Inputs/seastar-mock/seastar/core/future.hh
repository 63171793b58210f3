// Minimal mock of <seastar/core/future.hh> for the seastar-profile tests.
#ifndef EAGERLINT_TEST_MOCK_SEASTAR_FUTURE_HH
#define EAGERLINT_TEST_MOCK_SEASTAR_FUTURE_HH

namespace seastar {

template <class T = void> class [[nodiscard]] future {
public:
  bool available() const noexcept { return false; }
  bool failed() const noexcept { return false; }
  T get() { return T(); }
};

template <class T = void> future<T> make_ready_future() { return {}; }

} // namespace seastar

#endif
