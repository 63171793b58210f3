// Looks like current_task_supervisor_registry, but safe: each service first
// binds its socket (a suspension) and only then enrolls itself, so
// current_task() names the service's own task under either policy.
// EXPECT: none
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class registry {
public:
  rt::task<> enroll(std::string name) {
    m_tasks[name] = rt::current_task();
    co_return;
  }
  bool stop(const std::string &name) {
    auto it = m_tasks.find(name);
    return it != m_tasks.end() && it->second.cancel();
  }

private:
  std::map<std::string, rt::task_ref> m_tasks;
};

rt::task<> bind_socket(std::chrono::milliseconds delay) {
  co_await rt::sleep(delay);
}

rt::task<> service(registry &reg, std::string name,
                   std::chrono::milliseconds period) {
  co_await bind_socket(2ms);
  co_await reg.enroll(name);
  int beats = 0;
  try {
    for (;;) {
      co_await rt::sleep(period);
      ++beats;
    }
  } catch (const rt::cancelled_error &) {
    std::cout << name << ": stopped after " << beats << " beats\n";
  }
}

rt::task<> supervisor() {
  registry reg;
  std::vector<rt::task_handle<>> services;
  services.push_back(rt::create_task(service(reg, "indexer", 10ms)));
  services.push_back(rt::create_task(service(reg, "mailer", 25ms)));
  try {
    co_await rt::sleep(60ms);
    std::cout << "supervisor: shutting down\n";
    for (const char *name : {"indexer", "mailer"})
      std::cout << "supervisor: stop " << name << ": "
                << (reg.stop(name) ? "ok" : "not running") << "\n";
    for (auto &s : services)
      co_await s;
    std::cout << "supervisor: clean shutdown\n";
  } catch (const rt::cancelled_error &) {
    std::cout << "supervisor: cancelled during shutdown\n";
  }
}

int main() { rt::run(supervisor()); }
