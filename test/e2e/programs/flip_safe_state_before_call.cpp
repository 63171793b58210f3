// Looks like flip_state_config_reload and flip_done_resolver_fast_path, but
// safe: the generation is bumped before the loader is called, and the
// lookup's state is queried only after the caller's next suspension.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
// EXPECT: none
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class config_service {
public:
  rt::hot_task<int> load(std::string source) {
    int generation = m_generation;
    std::cout << "loading " << source << " as generation " << generation
              << "\n";
    co_await rt::sleep(5ms);
    co_return generation;
  }

  rt::task<> reload(std::string source) {
    ++m_generation;
    auto pending = load(source);
    co_await rt::sleep(1ms); // close the old file meanwhile
    std::cout << source << ": "
              << (pending.done() ? "already loaded" : "still loading") << "\n";
    std::cout << "active generation " << co_await pending << "\n";
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
