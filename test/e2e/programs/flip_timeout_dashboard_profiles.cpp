// Type flip: a dashboard starts loading every user's profile by calling a
// hot_task that bounds its own load with a timeout, renders the page
// skeleton, then collects the profiles.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
//
// Lazily started, each profile load runs as its own task and its timeout
// cancels only the slow load ("unavailable"). Eagerly started, the timeouts
// were entered inside the calls, as the dashboard: the slow load's deadline
// cancels the dashboard.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

rt::task<std::string> load_profile(std::string user,
                                   std::chrono::milliseconds latency) {
  co_await rt::sleep(latency);
  co_return user + "'s profile";
}

rt::hot_task<std::string> fetch_profile(std::string user,
                                        std::chrono::milliseconds latency) {
  try {
    co_return co_await rt::timeout(50ms, load_profile(user, latency)); // EXPECT: eager-timeout-in-prefix
  } catch (const rt::timeout_error &) {
    co_return user + ": unavailable";
  }
}

rt::task<> dashboard() {
  std::vector<rt::hot_task<std::string>> profiles;
  profiles.push_back(fetch_profile("ada", 10ms));
  profiles.push_back(fetch_profile("bob", 80ms));
  profiles.push_back(fetch_profile("eve", 20ms));
  try {
    co_await rt::sleep(5ms); // render the skeleton
    for (auto &p : profiles) {
      std::string profile = co_await p;
      std::cout << "dashboard: " << profile << "\n";
    }
    std::cout << "dashboard: complete\n";
  } catch (const rt::cancelled_error &) {
    std::cout << "dashboard: cancelled while waiting for profiles\n";
  }
}

int main() { rt::run(dashboard()); }
