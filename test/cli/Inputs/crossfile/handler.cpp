// handle() is spawned by server.cpp; never_spawned() by nobody.
#include <eagerlint/runtime.hpp>

#include <chrono>

namespace rt = eagerlint::rt;

rt::task<int> compute(int x) {
  co_await rt::yield_now();
  co_return x * 2;
}

rt::task<int> handle(int x) {
  co_return co_await rt::timeout(std::chrono::milliseconds(5), compute(x));
}

rt::task<int> never_spawned(int x) {
  co_return co_await rt::timeout(std::chrono::milliseconds(5), compute(x));
}
