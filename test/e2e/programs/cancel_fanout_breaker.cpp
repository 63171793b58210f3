// A fan-out query that starts one request per replica in a loop and drops
// the request right away when that replica's circuit breaker is open
// (member coroutine spawned in a loop, handle cancelled in the same turn).
//
// Lazily started, a dropped request never reaches its replica. Eagerly
// started, the replica behind an open breaker is contacted anyway and then
// sees its request cancelled.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class replica {
public:
  replica(std::string name, std::chrono::milliseconds latency, bool healthy)
      : m_name(std::move(name)), m_latency(latency), m_healthy(healthy) {}

  rt::task<int> query(int key) {
    ++m_load;
    std::cout << m_name << ": query " << key << " (load " << m_load << ")\n";
    try {
      co_await rt::sleep(m_latency);
    } catch (const rt::cancelled_error &) {
      std::cout << m_name << ": query " << key << " cancelled\n";
      --m_load;
      throw;
    }
    --m_load;
    co_return key * 10;
  }

  const std::string &name() const { return m_name; }
  bool breaker_open() const { return !m_healthy; }
  int load() const { return m_load; }

private:
  std::string m_name;
  std::chrono::milliseconds m_latency;
  bool m_healthy;
  int m_load = 0;
};

class fan_out {
public:
  explicit fan_out(std::vector<replica> &replicas) : m_replicas(replicas) {}

  rt::task<int> query(int key) {
    std::vector<rt::task_handle<int>> attempts;
    for (replica &r : m_replicas) {
      auto attempt = rt::create_task(r.query(key));
      if (r.breaker_open()) {
        attempt.cancel(); // EXPECT: eager-cancel-before-start
        continue;
      }
      attempts.push_back(attempt);
    }
    int best = -1;
    for (auto &a : attempts) {
      int v = co_await a;
      if (best < 0)
        best = v;
    }
    co_return best;
  }

private:
  std::vector<replica> &m_replicas;
};

rt::task<> client(fan_out &f, std::vector<replica> &replicas) {
  for (int key : {1, 2}) {
    int v = co_await f.query(key);
    std::cout << "client: key " << key << " -> " << v << "\n";
  }
  co_await rt::sleep(50ms);
  for (const replica &r : replicas)
    std::cout << r.name() << " load after run: " << r.load() << "\n";
}

int main() {
  std::vector<replica> replicas;
  replicas.emplace_back("eu-1", 20ms, true);
  replicas.emplace_back("us-1", 30ms, false);
  replicas.emplace_back("ap-1", 25ms, true);
  fan_out f(replicas);
  rt::run(client(f, replicas));
}
