// A fixed set of worker tasks that run jobs from a queue.
#pragma once

#include <eagerlint/runtime.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace kv {

struct job {
  std::string name;
  std::function<void()> run;
};

class worker_pool {
public:
  explicit worker_pool(std::size_t size) : m_size(size) {}

  /// Spawns the workers.
  void start();
  void submit(job j) { m_jobs.put(std::move(j)); }
  /// Waits until the queue is empty, then cancels the workers.
  eagerlint::rt::task<void> drain();

  std::size_t done() const { return m_done; }

private:
  eagerlint::rt::task<void> worker(std::size_t index);

  std::size_t m_size;
  std::size_t m_done = 0;
  eagerlint::rt::queue<job> m_jobs;
  /// The workers' tasks, as each worker registered itself.
  std::vector<eagerlint::rt::task_ref> m_workers;
  std::vector<eagerlint::rt::task_handle<>> m_handles;
};

} // namespace kv
