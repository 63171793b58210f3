// A job cancelled right after it is spawned. Started lazily it never runs;
// started eagerly it prints its first line before the cancellation lands.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>

namespace rt = eagerlint::rt;

rt::task<> job() {
  std::cout << "job: started\n";
  co_await rt::sleep(std::chrono::milliseconds(10));
  std::cout << "job: finished\n";
}

rt::task<> supervisor() {
  auto t = rt::create_task(job());
  t.cancel();
  co_await rt::yield_now();
  std::cout << "supervisor: job " << (t.cancelled() ? "cancelled" : "ran")
            << "\n";
}

int main() { rt::run(supervisor()); }
