#include "kv/watchdog.hpp"

#include <cstdio>

namespace kv {

namespace rt = eagerlint::rt;

rt::task<void> watchdog::heartbeat() {
  std::printf("watchdog: heartbeat every %lld ms\n",
              static_cast<long long>(m_interval.count()));
  while (m_running) {
    co_await rt::sleep(m_interval);
    ++m_beats;
  }
}

rt::task<void> watchdog::probe() {
  ++m_probes;
  // Schedule the next probe first, so a slow probe cannot delay it.
  if (m_running && m_probes < 3)
    rt::create_task(probe());
  co_await rt::sleep(m_interval);
  std::optional<std::string> v = co_await m_cache.get("config");
  if (!v)
    std::printf("watchdog: config is missing\n");
}

rt::task<void> watchdog::start(bool enabled) {
  auto beat = rt::create_task(heartbeat());
  if (!enabled)
    beat.cancel(); // a disabled watchdog never beats
  m_heartbeat = beat;
  co_await probe();
}

} // namespace kv
