// Unusual coroutine forms where nothing is spawned: no crash, no hang (the
// runner's timeout), no finding.
//
// RUN: %check_clang_tidy --timeout=120 %s 'eager-*' %t -- -- %mock_rt -I %inputs/robustness -fexceptions -fcxx-exceptions
// RUN: %check_clang_tidy --timeout=120 %s 'eager-*' %t -config="{CheckOptions: {Profile: asio}}" -- -- %mock_rt -I %inputs/robustness -fexceptions -fcxx-exceptions

#include "coro_header.h"
#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

// --- A generator with co_yield -------------------------------------------
template <class T> struct generator {
  struct promise_type {
    T current{};
    generator get_return_object() {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) noexcept {
      current = v;
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
};

generator<int> count(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}

generator<int> nested_yields(int n) {
  try {
    for (int i = 0; i < n; ++i)
      if (i % 2)
        co_yield i * 2;
      else
        co_yield -i;
  } catch (...) {
  }
  co_yield -1;
}

// --- await_transform and operator co_await -----------------------------
struct tag {};
struct member_awaitable {
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return false; }
    int await_resume() const noexcept { return 7; }
  };
  awaiter operator co_await() const noexcept { return {}; }
};
struct free_awaitable {};
struct handle_awaiter {
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) noexcept {
    return h;
  }
  void await_resume() const noexcept {}
};
handle_awaiter operator co_await(free_awaitable) { return {}; }

struct transforming {
  struct promise_type {
    transforming get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(int) noexcept {}
    void unhandled_exception() {}
    std::suspend_never await_transform(tag) noexcept { return {}; }
    template <class A> A &&await_transform(A &&a) noexcept {
      return static_cast<A &&>(a);
    }
  };
};

transforming eager_with_transform() {
  co_await tag{};
  int v = co_await member_awaitable{};
  co_await free_awaitable{};
  co_return v;
}

// --- Dependent co_await in templates never instantiated -----------------
template <class Awaitable> rt::task<> dependent_await(Awaitable a) {
  auto r = co_await a;
  co_await a.then(r);
  (void)r;
}

template <class T> struct templated_service {
  T m_value;
  rt::task<T> get() {
    co_await m_value;
    co_return m_value;
  }
  template <class U> rt::task<> visit(U u) {
    for (auto &&x : u)
      co_await x;
  }
};

// Instantiated once.
template <class T> rt::task<T> identity(T v) {
  co_await rt::yield_now();
  co_return v;
}
rt::task<int> use_identity() { co_return co_await identity(3); }

// --- Generic lambdas and lambdas in odd places ---------------------------
auto generic = [](auto x) -> rt::task<> {
  co_await x;
};
auto generic_used = [](auto n) -> rt::task<int> {
  co_await rt::yield_now();
  co_return n + 1;
};
rt::task<int> calls_generic() { co_return co_await generic_used(1); }

struct with_default_arg {
  rt::task<> run(int n = [] { return 3; }()) {
    co_await rt::sleep(n);
  }
};

// --- Exceptions -----------------------------------------------------------
rt::task<int> throws(bool b) {
  if (b)
    throw 42;
  try {
    co_await rt::yield_now();
  } catch (int e) {
    co_return e;
  } catch (...) {
    throw;
  }
  co_return 0;
}

rt::task<> function_try_block() try {
  co_await rt::yield_now();
} catch (...) {
}

// --- Macros around co_await ----------------------------------------------
#define AWAIT(x) co_await (x)
#define YIELD_TWICE                                                            \
  do {                                                                         \
    co_await rt::yield_now();                                                  \
    co_await rt::yield_now();                                                  \
  } while (0)
#define CO_RETURN(v) co_return v

rt::task<int> macro_soup() {
  int a = AWAIT(identity(1));
  YIELD_TWICE;
  CO_RETURN(a);
}

// --- Awaiting coroutines from the header ---------------------------------
rt::task<int> uses_header(hdr::header_service &s) {
  co_await s.tick();
  int v = co_await hdr::header_template<int>(4);
  co_return v + co_await hdr::header_work(2);
}

// --- Control flow oddities -----------------------------------------------
rt::task<int> goto_and_switch(int n) {
again:
  switch (n) {
  case 0:
    co_return 0;
  case 1:
    co_await rt::yield_now();
    [[fallthrough]];
  default:
    --n;
    goto again;
  }
}

rt::task<> infinite_loop() {
  for (;;)
    co_await rt::yield_now();
}

rt::task<> awaits_in_condition(rt::event &e) {
  while (co_await rt::timeout(1, identity(true)))
    co_await e.wait();
}

rt::task<> co_await_in_initializers() {
  struct pair {
    int a, b;
  };
  pair p{co_await identity(1), co_await identity(2)};
  int arr[] = {co_await identity(3), p.a, p.b};
  (void)arr;
}

rt::task<> deep_recursion_of_awaits(int n) {
  if (n > 0)
    co_await deep_recursion_of_awaits(n - 1);
}

rt::task<> mutual_a(int n);
rt::task<> mutual_b(int n) { co_await mutual_a(n); }
rt::task<> mutual_a(int n) {
  if (n)
    co_await mutual_b(n - 1);
}

// Not coroutines at all.
int plain(int x) { return x + 1; }
struct not_a_task {
  int value;
};
