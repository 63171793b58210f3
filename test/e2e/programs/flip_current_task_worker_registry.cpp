// Type flip: a supervisor starts its workers by calling hot_task coroutines;
// each worker enrolls current_task() in the supervisor's registry before it
// first suspends, and shutdown cancels the registered tasks by name.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
//
// Lazily started, each worker runs as its own task when it enrolls and
// shutdown stops the workers. Eagerly started, the enrolment ran inside the
// call, as the supervisor: shutdown cancels the supervisor itself.
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
  void enroll(const std::string &name, rt::task_ref task) {
    m_tasks[name] = std::move(task);
  }
  bool stop(const std::string &name) {
    auto it = m_tasks.find(name);
    return it != m_tasks.end() && it->second.cancel();
  }

private:
  std::map<std::string, rt::task_ref> m_tasks;
};

rt::hot_task<> worker(registry &reg, std::string name,
                      std::chrono::milliseconds period) {
  reg.enroll(name, rt::current_task()); // EXPECT: eager-current-task-in-prefix
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
  std::vector<rt::hot_task<>> workers;
  workers.push_back(worker(reg, "indexer", 10ms));
  workers.push_back(worker(reg, "mailer", 25ms));
  try {
    co_await rt::sleep(60ms);
    std::cout << "supervisor: shutting down\n";
    for (const char *name : {"indexer", "mailer"})
      std::cout << "supervisor: stop " << name << ": "
                << (reg.stop(name) ? "ok" : "not running") << "\n";
    for (auto &w : workers)
      co_await w;
    std::cout << "supervisor: clean shutdown\n";
  } catch (const rt::cancelled_error &) {
    std::cout << "supervisor: cancelled during shutdown\n";
  }
}

int main() { rt::run(supervisor()); }
