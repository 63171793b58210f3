// A connection pool whose resize() starts a background rebalance and then
// records the new target size (member state read through `this`).
//
// Lazily started, the rebalance reads the new target and opens or closes
// connections. Eagerly started, it reads the old target, finds nothing to
// do, and the pool never changes size.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class connection_pool {
public:
  explicit connection_pool(int size) : m_open(size), m_target(size) {}

  rt::task<> resize(int target) {
    auto job = rt::create_task(rebalance());
    m_target = target; // EXPECT: eager-state-after-spawn
    co_await job;
  }

  int open() const { return m_open; }

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
      co_await rt::sleep(5ms); // TCP + TLS handshake
      ++m_open;
      std::cout << "  opened connection #" << m_open << "\n";
    }
    while (m_open > target) {
      co_await rt::sleep(1ms); // drain
      std::cout << "  closed connection #" << m_open << "\n";
      --m_open;
    }
  }

  int m_open;
  int m_target;
};

rt::task<> autoscaler(connection_pool &pool) {
  for (int load : {40, 90, 20}) {
    int wanted = load / 20 + 1;
    std::cout << "load " << load << "%: want " << wanted << " connections\n";
    co_await pool.resize(wanted);
    std::cout << "pool has " << pool.open() << " connections\n";
  }
}

int main() {
  connection_pool pool(2);
  rt::run(autoscaler(pool));
}
