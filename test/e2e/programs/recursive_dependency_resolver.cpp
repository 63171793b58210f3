// A package installer: installing a package starts the resolution of its
// dependencies, and resolving a dependency starts installing it, both before
// anything suspends (two member coroutines spawn each other in a cycle).
//
// Lazily started, packages are installed level by level. Eagerly started,
// the cycle recurses on the stack: the order turns depth first.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class installer {
public:
  explicit installer(std::map<std::string, std::vector<std::string>> deps)
      : m_deps(std::move(deps)) {}

  rt::task<> install(std::string pkg) {
    m_order.push_back(pkg);
    auto deps = rt::create_task(resolve(pkg)); // EXPECT: eager-recursive-spawn
    co_await rt::sleep(5ms); // download and unpack
    co_await deps;
  }

  const std::vector<std::string> &order() const { return m_order; }

private:
  rt::task<> resolve(std::string pkg) {
    std::vector<rt::task_handle<>> installs;
    for (const std::string &dep : m_deps[pkg])
      if (m_requested.insert(dep).second)
        installs.push_back(rt::create_task(install(dep))); // EXPECT: eager-recursive-spawn
    for (auto &i : installs)
      co_await i;
  }

  std::map<std::string, std::vector<std::string>> m_deps;
  std::set<std::string> m_requested;
  std::vector<std::string> m_order;
};

rt::task<> setup(installer &inst) {
  co_await inst.install("webapp");
  std::cout << "install order:";
  for (const std::string &p : inst.order())
    std::cout << " " << p;
  std::cout << "\n";
}

int main() {
  installer inst({
      {"webapp", {"http", "db"}},
      {"http", {"tls", "zlib"}},
      {"db", {"zlib", "pool"}},
      {"tls", {"crypto"}},
  });
  rt::run(setup(inst));
}
