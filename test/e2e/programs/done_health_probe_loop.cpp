// A health checker that starts one probe per service in a loop and marks a
// service healthy on the spot when its probe has already finished (in-process
// services answer without suspending); the rest are awaited afterwards.
// The probe coroutine awaits the service's ping inline.
//
// Lazily started, no probe is done right after it starts, so every service
// goes through the slow path and is reported in the second round. Eagerly
// started, the in-process services are reported in the first round.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct service {
  std::string name;
  bool in_process;
  std::chrono::milliseconds latency;

  rt::task<bool> ping() const {
    if (!in_process)
      co_await rt::sleep(latency);
    co_return true;
  }
};

rt::task<bool> probe(const service &s) {
  bool ok = co_await s.ping();
  co_return ok;
}

rt::task<> check_all(const std::vector<service> &services) {
  std::vector<std::pair<const service *, rt::task_handle<bool>>> pending;
  int immediate = 0;
  for (const service &s : services) {
    auto h = rt::create_task(probe(s));
    if (h.done()) { // EXPECT: eager-done-after-spawn
      ++immediate;
      std::cout << "round 1: " << s.name << " healthy\n";
      continue;
    }
    pending.emplace_back(&s, h);
  }
  for (auto &[s, h] : pending) {
    bool ok = co_await h;
    std::cout << "round 2: " << s->name << (ok ? " healthy" : " DOWN") << "\n";
  }
  std::cout << immediate << " of " << services.size()
            << " services answered at once\n";
}

int main() {
  const std::vector<service> services = {
      {"config", true, 0ms},
      {"payments", false, 20ms},
      {"metrics", true, 0ms},
      {"search", false, 10ms},
  };
  rt::run(check_all(services));
}
