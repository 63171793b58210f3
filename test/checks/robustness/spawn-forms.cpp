// Unusual spawn forms with no hazard (every spawn is followed by a real
// suspension, nothing is shared): no crash, no hang, no finding.
//
// RUN: %check_clang_tidy --timeout=120 %s 'eager-*' %t -- -- %mock_rt -I %inputs/robustness -fexceptions -fcxx-exceptions

#include "coro_header.h"
#include <eagerlint/runtime.hpp>

namespace rt = eagerlint::rt;

rt::task<int> work(int n) {
  co_await rt::yield_now();
  co_return n;
}

// Spawned expression is dependent: never instantiated ...
template <class F> rt::task<> spawn_dependent(F f) {
  auto t = rt::create_task(f());
  t.cancel();
  co_await t;
}

// ... and instantiated with something that suspends after the cancel's
// window ends.
template <class T> rt::task<> spawn_then_wait(T v) {
  auto t = rt::create_task(work(v));
  co_await rt::yield_now();
  t.cancel();
}
template rt::task<> spawn_then_wait<int>(int);

// A coroutine reached through a pointer or a variable: not resolved.
using factory = rt::task<int> (*)(int);
rt::task<> through_pointer(factory f) {
  auto t = rt::create_task(f(1));
  co_await rt::yield_now();
  (void)t.done();
}

rt::task<> stored_first() {
  rt::task<int> pending = work(2);
  auto t = rt::create_task(static_cast<rt::task<int> &&>(pending));
  co_await t;
}

rt::task<> conditional_coroutine(bool b) {
  auto t = rt::create_task(b ? work(1) : work(2));
  co_await rt::sleep(1);
  t.cancel();
}

// Generic lambda coroutines, spawned in place.
rt::task<> generic_lambda() {
  auto t = rt::create_task([](auto n) -> rt::task<int> {
    co_await rt::yield_now();
    co_return n;
  }(3));
  co_await t;
}

// A spawn inside a lambda inside a coroutine.
rt::task<> nested_lambda(rt::event_loop &loop) {
  auto spawn = [&loop] { return loop.create_task(work(4)); };
  auto t = spawn();
  co_await rt::yield_now();
  t.cancel();
}

// Spawning coroutines from the header.
rt::task<> from_header(hdr::header_service &s) {
  rt::create_task(s.tick());
  rt::create_task(hdr::header_template<long>(5));
  co_await rt::yield_now();
}

// A spawn in a catch handler and in a loop condition.
rt::task<> in_handler() {
  rt::task_handle<int> t;
  try {
    co_await rt::yield_now();
  } catch (...) {
    t = rt::create_task(work(6));
  }
  co_await rt::yield_now();
  t.cancel();
}

rt::task<> spawn_in_condition(int n) {
  while (rt::create_task(work(n)).id() > 0)
    co_await rt::yield_now();
}

// An eager coroutine type (suspend_never): not a task the profile spawns.
struct eager_job {
  struct promise_type {
    eager_job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() {}
  };
};
eager_job fire_and_forget() {
  co_await rt::yield_now();
}
rt::task<> calls_eager_job() {
  fire_and_forget();
  co_await rt::yield_now();
}

// A spawn whose result is discarded and a spawn used as an argument.
void consume(rt::task_handle<int>) {}
rt::task<> as_argument() {
  consume(rt::create_task(work(7)));
  co_await rt::yield_now();
}

// Spawns in the body of a function that is not a coroutine, with no hazard.
void plain_spawner(rt::event_loop &loop) {
  loop.create_task(work(8));
  loop.create_task([]() -> rt::task<> { co_await rt::yield_now(); }());
}

// A spawn of a self-recursive coroutine that yields first.
rt::task<> polite_recursion(int n) {
  co_await rt::yield_now();
  if (n)
    rt::create_task(polite_recursion(n - 1));
}
rt::task<> start_recursion() {
  rt::create_task(polite_recursion(3));
  co_await rt::yield_now();
}
