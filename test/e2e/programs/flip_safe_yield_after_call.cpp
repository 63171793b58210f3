// Looks like flip_cancel_speculative_lookup, but safe: the cache lookup is
// remote and suspends right after the speculative fetch is called, so the
// fetch has started under either policy before it may be cancelled, and the
// generation it stamps is bumped only after that suspension.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
// EXPECT: none
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

class backend {
public:
  rt::hot_task<std::string> fetch(std::string key) {
    ++m_requests;
    std::cout << "backend: GET " << key << " (generation " << m_generation
              << ")\n";
    try {
      co_await rt::sleep(40ms);
    } catch (const rt::cancelled_error &) {
      std::cout << "backend: GET " << key << " aborted\n";
      throw;
    }
    co_return "v(" + key + ")";
  }
  int requests() const { return m_requests; }
  void next_generation() { ++m_generation; }

private:
  int m_requests = 0;
  int m_generation = 0;
};

class remote_cache {
public:
  rt::task<const std::string *> find(const std::string &key) {
    co_await rt::sleep(1ms); // a round trip to the cache server
    auto it = m_entries.find(key);
    co_return it == m_entries.end() ? nullptr : &it->second;
  }
  void put(std::string key, std::string value) { m_entries[key] = value; }

private:
  std::map<std::string, std::string> m_entries;
};

rt::task<std::string> get(backend &b, remote_cache &cache, std::string key) {
  auto fetch = b.fetch(key);
  const std::string *cached = co_await cache.find(key);
  b.next_generation();
  if (cached) {
    fetch.cancel();
    co_return *cached;
  }
  std::string value = co_await fetch;
  cache.put(key, value);
  co_return value;
}

rt::task<> serve() {
  backend b;
  remote_cache cache;
  for (const char *key : {"user:1", "user:2", "user:1"})
    std::cout << "served " << key << " = " << co_await get(b, cache, key)
              << "\n";
  co_await rt::sleep(100ms);
  std::cout << "backend requests: " << b.requests() << "\n";
}

int main() { rt::run(serve()); }
