// A service client that starts a DNS lookup and takes a fast path when the
// lookup has already completed (the resolver answers cached names without
// suspending): direct done()/result() on the fresh handle.
//
// Lazily started, the lookup is never done yet: every request takes the
// slow path. Eagerly started, cached names complete in the prefix and take
// the fast path.
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
    co_await rt::sleep(30ms); // ask the name server
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
    std::string addr;
    if (lookup.done()) { // EXPECT: eager-done-after-spawn
      addr = lookup.result(); // EXPECT: eager-done-after-spawn
      ++m_fast;
    } else {
      co_await rt::sleep(1ms); // open a connection pool slot meanwhile
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
