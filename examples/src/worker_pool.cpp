#include "kv/worker_pool.hpp"

#include <chrono>
#include <cstdio>

namespace kv {

using namespace std::chrono_literals;
namespace rt = eagerlint::rt;

rt::task<void> worker_pool::worker(std::size_t index) {
  // Register this worker so drain() can stop it.
  m_workers.push_back(rt::current_task());
  for (;;) {
    job j = co_await m_jobs.get();
    j.run();
    ++m_done;
    std::printf("worker %zu: %s\n", index, j.name.c_str());
    co_await rt::sleep(1ms);
  }
}

void worker_pool::start() {
  for (std::size_t i = 0; i < m_size; ++i)
    m_handles.push_back(rt::create_task(worker(i)));
}

rt::task<void> worker_pool::drain() {
  while (!m_jobs.empty())
    co_await rt::sleep(1ms);
  co_await rt::sleep(1ms); // let the last jobs finish
  for (rt::task_ref &w : m_workers)
    w.cancel();
  for (rt::task_handle<> &h : m_handles) {
    try {
      co_await h;
    } catch (const rt::cancelled_error &) {
    }
  }
}

} // namespace kv
