// Awaits the job it spawns before looking at it: the same under both start
// policies.
#include <eagerlint/runtime.hpp>

#include <iostream>

namespace rt = eagerlint::rt;

rt::task<int> answer() {
  co_await rt::yield_now();
  co_return 42;
}

rt::task<> supervisor() {
  auto t = rt::create_task(answer());
  std::cout << "answer: " << co_await t << "\n";
}

int main() { rt::run(supervisor()); }
