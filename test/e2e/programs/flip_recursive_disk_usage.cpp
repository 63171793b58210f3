// Type flip: a disk-usage walker starts a hot_task per subdirectory by
// calling itself before it stats its own directory, then sums the results.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
//
// Lazily started, each call queues the child: directories are scanned level
// by level (breadth first) with a flat stack. Eagerly started, each call
// recurses on the C++ stack at once: depth first.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct directory {
  std::string name;
  int own_bytes;
  std::vector<directory> children;
};

rt::hot_task<int> disk_usage(const directory &dir) {
  std::cout << "scan " << dir.name << "\n";
  std::vector<rt::hot_task<int>> subdirs;
  for (const directory &child : dir.children)
    subdirs.push_back(disk_usage(child)); // EXPECT: eager-recursive-spawn
  co_await rt::sleep(1ms); // stat the directory itself
  int total = dir.own_bytes;
  for (auto &s : subdirs)
    total += co_await s;
  co_return total;
}

rt::task<> main_task() {
  directory root{"/",
                 1,
                 {{"/etc", 10, {{"/etc/ssl", 100, {}}}},
                  {"/home", 1000, {{"/home/ada", 10000, {}}}}}};
  int total = co_await disk_usage(root);
  std::cout << "total " << total << " bytes\n";
}

int main() { rt::run(main_task()); }
