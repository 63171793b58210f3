// Looks like done_resolver_fast_path, but safe: the client opens its
// connection-pool slot (a suspension) before it asks whether the lookup has
// finished, so the lookup has had its turn under either policy.
// EXPECT: none
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class resolver {
public:
  rt::task<std::string> resolve(std::string host) {
    if (auto it = m_cache.find(host); it != m_cache.end())
      co_return it->second;
    co_await rt::sleep(30ms);
    std::string addr = "10.0.0." + std::to_string(m_cache.size() + 1);
    m_cache[host] = addr;
    co_return addr;
  }

private:
  std::map<std::string, std::string> m_cache;
};

class client {
public:
  explicit client(resolver &r) : m_resolver(r) {}

  rt::task<> call(std::string host, std::string method) {
    auto lookup = rt::create_task(m_resolver.resolve(host));
    co_await rt::sleep(1ms); // open a connection pool slot meanwhile
    std::string addr;
    if (lookup.done()) {
      addr = lookup.result();
      ++m_fast;
    } else {
      addr = co_await lookup;
      ++m_slow;
    }
    std::cout << method << " " << host << " via " << addr << "\n";
  }
  void report() const {
    std::cout << "fast path: " << m_fast << ", slow path: " << m_slow << "\n";
  }

private:
  resolver &m_resolver;
  int m_fast = 0;
  int m_slow = 0;
};

rt::task<> session(client &c) {
  co_await c.call("api.example", "GET /users");
  co_await c.call("api.example", "GET /orders");
  co_await c.call("cdn.example", "GET /logo.png");
  co_await c.call("api.example", "POST /orders");
  c.report();
}

int main() {
  resolver r;
  client c(r);
  rt::run(session(c));
}
