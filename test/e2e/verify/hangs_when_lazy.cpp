// A start-up barrier that polls a flag set by a task it spawned: lazily
// started, the task never gets a turn while the poller blocks the loop, so
// the program hangs; eagerly started, the flag is already set.
// VERIFY-EXIT: 1
// VERIFY-OUTPUT: timed out after 1 s (killed)
// VERIFY-OUTPUT: config loaded
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <thread>

namespace rt = eagerlint::rt;

bool g_loaded = false;

rt::task<> load_config() {
  g_loaded = true;
  co_return;
}

rt::task<> start() {
  rt::create_task(load_config());
  while (!g_loaded) // blocks the loop: nothing else can run
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::cout << "config loaded" << std::endl;
  co_return;
}

int main() { rt::run(start()); }
