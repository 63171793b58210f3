// Counters, flushed periodically by a background task.
#pragma once

#include <eagerlint/runtime.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

namespace kv {

class metrics {
public:
  void count(const std::string &name) { ++m_counters[name]; }

  /// Runs `flush_every` in the background until stop() is awaited.
  eagerlint::rt::task<void> start(std::chrono::milliseconds period);
  eagerlint::rt::task<void> stop();

  std::size_t flushes() const { return m_flushes; }

private:
  eagerlint::rt::task<void> flush_every(std::chrono::milliseconds period);
  void flush();

  std::map<std::string, std::size_t> m_counters;
  std::size_t m_flushes = 0;
  eagerlint::rt::task_handle<> m_flusher;
};

} // namespace kv
