// Minimal mock of <folly/futures/Future.h> for the folly-profile tests:
// SemiFuture takes its state queries from a private base with
// using-declarations, as folly's does.
#ifndef EAGERLINT_TEST_MOCK_FOLLY_FUTURES_FUTURE_H
#define EAGERLINT_TEST_MOCK_FOLLY_FUTURES_FUTURE_H

namespace folly {

template <class T> class Try {
public:
  bool hasValue() const { return false; }
  T value() const { return T(); }
};

namespace futures::detail {
template <class T> class FutureBase {
public:
  bool isReady() const { return false; }
  bool hasValue() const { return false; }
  bool hasException() const { return false; }
  Try<T> result() const { return {}; }
  T value() const { return T(); }
};
} // namespace futures::detail

template <class T> class SemiFuture : private futures::detail::FutureBase<T> {
  using Base = futures::detail::FutureBase<T>;

public:
  using Base::hasException;
  using Base::hasValue;
  using Base::isReady;
  using Base::result;
  using Base::value;
};

struct Unit {};

} // namespace folly

#endif
