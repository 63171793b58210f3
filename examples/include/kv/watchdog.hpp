// Watches the service: a heartbeat and periodic probes of the cache.
#pragma once

#include "kv/cache.hpp"

#include <eagerlint/runtime.hpp>

#include <chrono>
#include <cstddef>

namespace kv {

class watchdog {
public:
  watchdog(cache &c, std::chrono::milliseconds interval)
      : m_cache(c), m_interval(interval) {}

  /// Starts the heartbeat, unless the watchdog is disabled, and the probes.
  eagerlint::rt::task<void> start(bool enabled);
  void stop() { m_running = false; }

  std::size_t beats() const { return m_beats; }
  std::size_t probes() const { return m_probes; }

private:
  eagerlint::rt::task<void> heartbeat();
  eagerlint::rt::task<void> probe();

  cache &m_cache;
  std::chrono::milliseconds m_interval;
  bool m_running = true;
  std::size_t m_beats = 0;
  std::size_t m_probes = 0;
  eagerlint::rt::task_handle<> m_heartbeat;
};

} // namespace kv
