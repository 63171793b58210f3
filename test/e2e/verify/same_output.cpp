// Spawns, yields, then looks: the same under both policies.
// VERIFY-EXIT: 0
// VERIFY-OUTPUT: same:
// VERIFY-OUTPUT: print the same 2 lines and end with exit status 0
#include <eagerlint/runtime.hpp>

#include <iostream>

namespace rt = eagerlint::rt;

rt::task<int> answer() { co_return 42; }

rt::task<> start() {
  auto h = rt::create_task(answer());
  co_await rt::yield_now();
  std::cout << "done: " << h.done() << "\n";
  std::cout << "answer: " << co_await h << "\n";
}

int main() { rt::run(start()); }
