// Prints the same under both policies but exits differently: only the exit
// status differs, and verify says so.
// VERIFY-EXIT: 1
// VERIFY-OUTPUT: exit status 0 | exit status 3
#include <eagerlint/runtime.hpp>

#include <iostream>

namespace rt = eagerlint::rt;

int g_started = 0;

rt::task<> job() {
  ++g_started;
  co_return;
}

rt::task<int> start() {
  auto h = rt::create_task(job());
  std::cout << "spawned\n";
  int seen = g_started;
  co_await h;
  co_return seen == 0 ? 0 : 3;
}

int main() { return rt::run(start()); }
