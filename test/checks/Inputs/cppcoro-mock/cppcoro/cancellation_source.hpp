// Minimal mock of <cppcoro/cancellation_source.hpp> and the token it hands
// out (<cppcoro/cancellation_token.hpp> in cppcoro).
#ifndef EAGERLINT_TEST_MOCK_CPPCORO_CANCELLATION_SOURCE_HPP
#define EAGERLINT_TEST_MOCK_CPPCORO_CANCELLATION_SOURCE_HPP

namespace cppcoro {

class cancellation_token {
public:
  bool is_cancellation_requested() const noexcept { return false; }
  void throw_if_cancellation_requested() const {}
};

class cancellation_source {
public:
  [[nodiscard]] cancellation_token token() const noexcept { return {}; }
  void request_cancellation() {}
  bool is_cancellation_requested() const noexcept { return false; }
};

} // namespace cppcoro

#endif
