// The patterns here are ready for eager start: nothing is flagged.
#include "kv/metrics.hpp"

#include <cstdio>

namespace kv {

namespace rt = eagerlint::rt;

void metrics::flush() {
  ++m_flushes;
  for (const auto &[name, n] : m_counters)
    std::printf("metrics: %s=%zu\n", name.c_str(), n);
}

rt::task<void> metrics::flush_every(std::chrono::milliseconds period) {
  // Bounded, so a run that never reaches stop() still ends.
  for (int round = 0; round < 50; ++round) {
    co_await rt::sleep(period);
    flush();
  }
}

rt::task<void> metrics::start(std::chrono::milliseconds period) {
  m_flusher = rt::create_task(flush_every(period));
  // Let the flusher reach its first sleep before anyone can stop it.
  co_await rt::yield_now();
}

rt::task<void> metrics::stop() {
  m_flusher.cancel();
  try {
    co_await m_flusher;
  } catch (const rt::cancelled_error &) {
  }
  flush();
}

} // namespace kv
