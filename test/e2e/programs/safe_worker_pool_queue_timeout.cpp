// Looks like timeout_worker_pool_helper, but safe: each worker first waits
// for a job on the shared queue and only then enters the job's deadline, so
// the timeout is always entered in the worker's own task.
// EXPECT: none
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct job {
  std::string name;
  std::chrono::milliseconds cost;
  std::chrono::milliseconds deadline;
};

rt::task<std::string> execute(job j) {
  co_await rt::sleep(j.cost);
  co_return j.name + " ok";
}

rt::task<std::string> with_deadline(job j) {
  try {
    co_return co_await rt::timeout(j.deadline, execute(j));
  } catch (const rt::timeout_error &) {
    co_return j.name + " timed out";
  }
}

rt::task<int> worker(int id, rt::queue<std::optional<job>> &jobs,
                     std::vector<std::string> &results) {
  int done = 0;
  for (;;) {
    std::optional<job> j = co_await jobs.get();
    if (!j)
      co_return done;
    results.push_back("worker " + std::to_string(id) + ": " +
                      co_await with_deadline(*j));
    ++done;
  }
}

rt::task<> dispatcher() {
  rt::queue<std::optional<job>> jobs;
  std::vector<std::string> results;
  std::vector<rt::task_handle<int>> workers;
  for (int id = 1; id <= 2; ++id)
    workers.push_back(rt::create_task(worker(id, jobs, results)));
  co_await rt::sleep(1ms); // let the workers come up
  for (job j : {job{"resize", 10ms, 50ms}, job{"ocr", 80ms, 30ms},
                job{"thumbnail", 5ms, 50ms}})
    jobs.put(j);
  for (std::size_t i = 0; i < workers.size(); ++i)
    jobs.put(std::nullopt);
  int total = 0;
  for (auto &w : workers)
    total += co_await w;
  for (const std::string &r : results)
    std::cout << r << "\n";
  std::cout << "dispatcher: " << total << " jobs finished\n";
}

int main() { rt::run(dispatcher()); }
