// Looks like state_pool_resize_member, but safe: resize() records the new
// target before it starts the rebalance, so the rebalance reads the same
// target whether it starts lazily or eagerly.
// EXPECT: none
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class connection_pool {
public:
  explicit connection_pool(int size) : m_open(size), m_target(size) {}

  rt::task<> resize(int target) {
    m_target = target;
    auto job = rt::create_task(rebalance());
    co_await job;
    ++m_resizes;
  }

  int open() const { return m_open; }
  int resizes() const { return m_resizes; }

private:
  rt::task<> rebalance() {
    const int target = m_target;
    if (m_open == target) {
      std::cout << "rebalance: already at " << target << " connections\n";
      co_return;
    }
    std::cout << "rebalance: " << m_open << " -> " << target
              << " connections\n";
    while (m_open < target) {
      co_await rt::sleep(5ms);
      ++m_open;
      std::cout << "  opened connection #" << m_open << "\n";
    }
    while (m_open > target) {
      co_await rt::sleep(1ms);
      std::cout << "  closed connection #" << m_open << "\n";
      --m_open;
    }
  }

  int m_open;
  int m_target;
  int m_resizes = 0;
};

rt::task<> autoscaler(connection_pool &pool) {
  for (int load : {40, 90, 20, 30}) {
    int wanted = load / 20 + 1;
    std::cout << "load " << load << "%: want " << wanted << " connections\n";
    co_await pool.resize(wanted);
    std::cout << "pool has " << pool.open() << " connections\n";
  }
  std::cout << pool.resizes() << " resizes\n";
}

int main() {
  connection_pool pool(2);
  rt::run(autoscaler(pool));
}
