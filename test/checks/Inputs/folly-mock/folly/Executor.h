// Minimal mock of <folly/Executor.h> for the folly-profile tests.
#ifndef EAGERLINT_TEST_MOCK_FOLLY_EXECUTOR_H
#define EAGERLINT_TEST_MOCK_FOLLY_EXECUTOR_H

namespace folly {

class Executor {
public:
  virtual ~Executor() = default;
  template <class ExecutorT = Executor> class KeepAlive {
  public:
    KeepAlive() = default;
    KeepAlive(ExecutorT *E) : Ptr(E) {}
    ExecutorT *get() const { return Ptr; }

  private:
    ExecutorT *Ptr = nullptr;
  };
};

} // namespace folly

#endif
