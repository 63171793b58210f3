// Minimal mock of <folly/CancellationToken.h> for the folly-profile tests.
#ifndef EAGERLINT_TEST_MOCK_FOLLY_CANCELLATIONTOKEN_H
#define EAGERLINT_TEST_MOCK_FOLLY_CANCELLATIONTOKEN_H

namespace folly {

class CancellationToken {
public:
  bool isCancellationRequested() const noexcept { return false; }
  bool canBeCancelled() const noexcept { return true; }
};

class CancellationSource {
public:
  CancellationToken getToken() const noexcept { return {}; }
  bool requestCancellation() const noexcept { return true; }
  bool isCancellationRequested() const noexcept { return false; }
};

} // namespace folly

#endif
