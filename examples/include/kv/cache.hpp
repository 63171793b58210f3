// A read-through cache in front of a slow backing store.
#pragma once

#include <eagerlint/runtime.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace kv {

class cache {
public:
  explicit cache(std::map<std::string, std::string> store)
      : m_store(std::move(store)) {}

  /// The value of `key`, from memory when it is there.
  eagerlint::rt::task<std::optional<std::string>> get(std::string key);

  /// Drops `key` and loads it again from the store, in the background.
  eagerlint::rt::task<void> refresh(std::string key);

  std::size_t hits() const { return m_hits; }
  std::size_t misses() const { return m_misses; }

private:
  eagerlint::rt::task<std::optional<std::string>> load(std::string key);
  eagerlint::rt::task<void> reload(std::string key);

  std::map<std::string, std::string> m_store;
  std::map<std::string, std::string> m_entries;
  /// The key a refresh is running for; reload() gives up when it changed.
  std::string m_refreshing;
  std::size_t m_hits = 0;
  std::size_t m_misses = 0;
};

} // namespace kv
