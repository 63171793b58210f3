// A page renderer that fetches the user's profile in the background; the
// fetch puts a 50 ms deadline on the profile service and falls back to
// defaults when the service is slow (timeout entered in the spawned
// coroutine's prefix).
//
// Lazily started, the deadline belongs to the fetch task: it times out and
// the page renders with defaults. Eagerly started, the deadline is bound to
// the renderer that spawned it: at 50 ms the renderer itself is cancelled.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class profile_service {
public:
  rt::task<std::string> load(std::string user) {
    co_await rt::sleep(200ms); // an overloaded replica
    co_return user + " (premium, dark theme)";
  }
};

rt::task<std::string> fetch_profile(profile_service &svc, std::string user) {
  try {
    co_return co_await rt::timeout(50ms, svc.load(user)); // EXPECT: eager-timeout-in-prefix
  } catch (const rt::timeout_error &) {
    std::cout << "profile: service too slow, using defaults\n";
    co_return user + " (defaults)";
  }
}

rt::task<> render_page(profile_service &svc) {
  auto profile = rt::create_task(fetch_profile(svc, "alice"));
  try {
    co_await rt::sleep(10ms);
    std::cout << "render: header and navigation\n";
    std::string p = co_await profile;
    std::cout << "render: sidebar for " << p << "\n";
  } catch (const rt::cancelled_error &) {
    std::cout << "render: cancelled before the page was complete\n";
  }
  std::cout << "render: done\n";
}

int main() {
  profile_service svc;
  rt::run(render_page(svc));
}
