// Type flip: a service reloads its configuration by calling a hot_task
// loader, then bumps the generation number the loader stamps on what it
// loads.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
//
// Lazily started, the loader reads the generation after the caller bumped
// it: every snapshot carries the new number. Eagerly started, the loader's
// prefix ran inside the call and stamped the previous generation.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct snapshot {
  int generation;
  std::string source;
};

class config_service {
public:
  rt::hot_task<snapshot> load(std::string source) {
    snapshot s{m_generation, source};
    std::cout << "loading " << source << " as generation " << s.generation
              << "\n";
    co_await rt::sleep(5ms); // reading the file
    co_return s;
  }

  rt::task<> reload(std::string source) {
    auto pending = load(source);
    ++m_generation; // EXPECT: eager-state-after-spawn
    snapshot s = co_await pending;
    std::cout << "active: generation " << s.generation << " from " << s.source
              << " (service at " << m_generation << ")\n";
  }

private:
  int m_generation = 0;
};

rt::task<> main_task() {
  config_service svc;
  co_await svc.reload("base.toml");
  co_await svc.reload("override.toml");
}

int main() { rt::run(main_task()); }
