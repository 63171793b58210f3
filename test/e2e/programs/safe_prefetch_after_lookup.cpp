// Looks like cancel_speculative_prefetch, but safe: the cache lookup is
// remote and suspends, so the prefetch is only cancelled after the spawning
// coroutine has yielded once; by then the prefetch has started under either
// policy and logs its aborted request alike.
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
  rt::task<std::string> fetch(std::string key) {
    ++m_requests;
    std::cout << "backend: GET " << key << "\n";
    try {
      co_await rt::sleep(40ms);
    } catch (const rt::cancelled_error &) {
      std::cout << "backend: GET " << key << " aborted\n";
      throw;
    }
    co_return "v(" + key + ")";
  }
  int requests() const { return m_requests; }

private:
  int m_requests = 0;
};

class remote_cache {
public:
  rt::task<bool> contains(std::string key) {
    co_await rt::sleep(2ms); // round trip to the cache cluster
    co_return m_entries.count(key) > 0;
  }
  std::string get(const std::string &key) const { return m_entries.at(key); }
  void put(const std::string &key, std::string value) {
    m_entries[key] = std::move(value);
  }

private:
  std::map<std::string, std::string> m_entries;
};

rt::task<std::string> lookup(remote_cache &cache, backend &b, std::string key) {
  auto prefetch = rt::create_task(b.fetch(key));
  if (co_await cache.contains(key)) {
    prefetch.cancel();
    co_return cache.get(key);
  }
  std::string value = co_await prefetch;
  cache.put(key, value);
  co_return value;
}

rt::task<> serve(remote_cache &cache, backend &b) {
  for (const char *key : {"user:1", "user:2", "user:1"}) {
    std::string value = co_await lookup(cache, b, key);
    std::cout << "served " << key << " = " << value << "\n";
  }
  co_await rt::sleep(100ms);
  std::cout << "backend requests: " << b.requests() << "\n";
}

int main() {
  backend b;
  remote_cache cache;
  rt::run(serve(cache, b));
}
