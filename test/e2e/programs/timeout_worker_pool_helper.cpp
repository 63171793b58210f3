// A worker pool: the dispatcher starts one worker per queued job; each
// worker runs its job through a helper that enforces the job's deadline
// (the helper is awaited inline, so the timeout is entered in the spawned
// worker's prefix).
//
// Lazily started, a job over its deadline times out in its own worker.
// Eagerly started, the deadline is bound to the dispatcher: the slow job
// keeps running and the dispatcher is cancelled while it waits.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct job {
  std::string name;
  std::chrono::milliseconds cost;
  std::chrono::milliseconds deadline;
};

rt::task<std::string> execute(const job &j) {
  co_await rt::sleep(j.cost);
  co_return j.name + " ok";
}

// Runs `j` under its deadline; a job over it is reported, not fatal.
rt::task<std::string> with_deadline(const job &j) {
  try {
    co_return co_await rt::timeout(j.deadline, execute(j)); // EXPECT: eager-timeout-in-prefix
  } catch (const rt::timeout_error &) {
    co_return j.name + " timed out";
  }
}

rt::task<std::string> worker(int id, const job &j) {
  std::string outcome = co_await with_deadline(j);
  co_return "worker " + std::to_string(id) + ": " + outcome;
}

rt::task<> dispatcher(const std::vector<job> &jobs) {
  std::vector<rt::task_handle<std::string>> workers;
  int id = 0;
  for (const job &j : jobs)
    workers.push_back(rt::create_task(worker(++id, j)));
  try {
    for (auto &w : workers)
      std::cout << co_await w << "\n";
    std::cout << "dispatcher: all jobs finished\n";
  } catch (const rt::cancelled_error &) {
    std::cout << "dispatcher: cancelled while waiting for workers\n";
  }
}

int main() {
  const std::vector<job> jobs = {
      {"resize", 10ms, 50ms},
      {"ocr", 80ms, 30ms},
      {"thumbnail", 5ms, 50ms},
  };
  rt::run(dispatcher(jobs));
}
