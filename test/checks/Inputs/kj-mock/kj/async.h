// Minimal mock of <kj/async.h> (Cap'n Proto >= 0.10) for the kj-profile
// tests: a coroutine returning kj::Promise gets its promise type from a
// std::coroutine_traits specialization, and that type's initial_suspend is
// suspend_never: calling the coroutine runs it. Needs the mock <coroutine>.
#ifndef EAGERLINT_TEST_MOCK_KJ_ASYNC_H
#define EAGERLINT_TEST_MOCK_KJ_ASYNC_H

#include <coroutine>

namespace kj {

class StringPtr {
public:
  StringPtr(const char *S) : Ptr(S) {}

private:
  const char *Ptr;
};

class WaitScope {};

class EventLoop {
public:
  EventLoop() = default;
};

template <class T> class Promise;

namespace _ {
template <class T> struct CoroutineResult {
  void return_value(T) {}
};
template <> struct CoroutineResult<void> {
  void return_void() {}
};

template <class T> class Coroutine : public CoroutineResult<T> {
public:
  Promise<T> get_return_object();
  std::suspend_never initial_suspend() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}

  template <class U> struct Awaiter {
    bool await_ready() const { return false; }
    void await_suspend(std::coroutine_handle<>) {}
    U await_resume() { return U(); }
  };
  template <class U> Awaiter<U> await_transform(Promise<U> &) { return {}; }
  template <class U> Awaiter<U> await_transform(Promise<U> &&) { return {}; }
};
} // namespace _

template <class T> class [[nodiscard]] Promise {
public:
  Promise() = default;
  Promise(decltype(nullptr)) {}
  T wait(WaitScope &) { return T(); }
  bool poll(WaitScope &) { return false; }
  template <class ErrorFunc> void detach(ErrorFunc &&) {}
  Promise<T> eagerlyEvaluate(decltype(nullptr)) { return {}; }
};

template <class T> Promise<T> _::Coroutine<T>::get_return_object() {
  return {};
}

/// Always suspends: the continuation runs on a later turn of the event loop.
Promise<void> yield();

template <class Func> auto evalLater(Func &&F) -> Promise<decltype(F())>;

class Canceler {
public:
  template <class T> Promise<T> wrap(Promise<T>) { return {}; }
  void cancel(StringPtr CancelReason) { (void)CancelReason; }
  bool isEmpty() const { return true; }
};

class TaskSet {
public:
  void add(Promise<void> &&) {}
};

} // namespace kj

namespace std {
template <class T, class... Args> struct coroutine_traits<kj::Promise<T>, Args...> {
  using promise_type = kj::_::Coroutine<T>;
};
} // namespace std

#endif
