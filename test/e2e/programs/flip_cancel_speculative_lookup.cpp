// Type flip: a read-through cache whose backend fetch is a hot_task, started
// speculatively by calling it and cancelled when the key is cached.
// EAGERLINT-OPTIONS: EagerTypes=eagerlint::rt::hot_task
//
// Lazily started, a fetch cancelled right after the call never runs: the
// backend sees two requests. Eagerly started, the call already sent the
// request (and the cancel aborts it): the backend sees three.
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

class read_through_cache {
public:
  explicit read_through_cache(backend &b) : m_backend(b) {}

  rt::task<std::string> get(std::string key) {
    auto fetch = m_backend.fetch(key);
    if (auto it = m_entries.find(key); it != m_entries.end()) {
      fetch.cancel(); // EXPECT: eager-cancel-before-start
      co_return it->second;
    }
    std::string value = co_await fetch;
    m_entries[key] = value;
    co_return value;
  }

private:
  backend &m_backend;
  std::map<std::string, std::string> m_entries;
};

rt::task<> serve(read_through_cache &cache, const backend &b) {
  for (const char *key : {"user:1", "user:2", "user:1"}) {
    std::string value = co_await cache.get(key);
    std::cout << "served " << key << " = " << value << "\n";
  }
  co_await rt::sleep(100ms); // let cancelled fetches unwind
  std::cout << "backend requests: " << b.requests() << "\n";
}

int main() {
  backend b;
  read_through_cache cache(b);
  rt::run(serve(cache, b));
}
