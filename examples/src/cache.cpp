#include "kv/cache.hpp"

#include <chrono>

namespace kv {

using namespace std::chrono_literals;
namespace rt = eagerlint::rt;

rt::task<std::optional<std::string>> cache::load(std::string key) {
  if (auto it = m_entries.find(key); it != m_entries.end()) {
    ++m_hits;
    co_return it->second; // a hit never waits
  }
  ++m_misses;
  co_await rt::sleep(5ms); // the backing store's latency
  auto it = m_store.find(key);
  if (it == m_store.end())
    co_return std::nullopt;
  m_entries[key] = it->second;
  co_return it->second;
}

rt::task<std::optional<std::string>> cache::get(std::string key) {
  auto pending = rt::create_task(load(key));
  // Fast path: skip the await when the load is already complete.
  if (pending.done())
    co_return pending.result();
  co_return co_await pending;
}

rt::task<void> cache::reload(std::string key) {
  if (m_refreshing != key)
    co_return; // another refresh took over
  m_entries.erase(key);
  co_await rt::sleep(2ms);
  if (auto it = m_store.find(key); it != m_store.end())
    m_entries[key] = it->second;
}

rt::task<void> cache::refresh(std::string key) {
  auto job = rt::create_task(reload(key));
  m_refreshing = key;
  co_await job;
  m_refreshing.clear();
}

} // namespace kv
