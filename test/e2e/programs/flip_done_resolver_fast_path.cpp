// Type flip: a resolver calls its cache-backed lookup (a hot_task) and takes
// a fast path when the lookup is already done, else does other setup work
// while it completes.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
//
// Lazily started, the lookup is never done right after the call: every
// request takes the slow path. Eagerly started, a cached lookup finished in
// its prefix: cached names take the fast path.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class resolver {
public:
  rt::hot_task<std::string> lookup(std::string name) {
    if (auto it = m_cache.find(name); it != m_cache.end())
      co_return it->second;
    co_await rt::sleep(20ms); // ask the name server
    std::string addr = "10.0.0." + std::to_string(m_cache.size() + 1);
    m_cache[name] = addr;
    co_return addr;
  }

  rt::task<> connect(std::string name) {
    auto addr = lookup(name);
    if (addr.done()) { // EXPECT: eager-done-after-spawn
      std::cout << name << ": fast path\n";
    } else {
      std::cout << name << ": slow path, opening a socket meanwhile\n";
      co_await rt::sleep(1ms);
    }
    std::cout << name << " -> " << co_await addr << "\n";
  }

private:
  std::map<std::string, std::string> m_cache;
};

rt::task<> main_task() {
  resolver r;
  for (const char *name : {"db", "cache", "db", "db"})
    co_await r.connect(name);
}

int main() { rt::run(main_task()); }
