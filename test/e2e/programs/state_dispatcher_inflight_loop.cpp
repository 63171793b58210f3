// A job dispatcher that starts one worker per job in a loop and counts the
// jobs in flight after each start; every worker sizes its batch from the
// count it is handed by reference.
//
// Lazily started, every worker sees all jobs in flight and takes the small
// batch size. Eagerly started, the first workers see an idle system and
// take big batches.
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

struct job {
  std::string name;
  int items;
};

rt::task<int> run_job(const job &j, int &in_flight) {
  const int batch = in_flight >= 3 ? 2 : 8;
  int batches = 0;
  for (int done = 0; done < j.items; done += batch) {
    co_await rt::sleep(3ms);
    ++batches;
  }
  --in_flight;
  co_return batches;
}

rt::task<> dispatch(const std::vector<job> &jobs) {
  int in_flight = 0;
  std::vector<rt::task_handle<int>> running;
  for (const job &j : jobs) {
    running.push_back(rt::create_task(run_job(j, in_flight)));
    ++in_flight; // EXPECT: eager-state-after-spawn
  }
  for (std::size_t i = 0; i < running.size(); ++i) {
    int batches = co_await running[i];
    std::cout << jobs[i].name << ": " << jobs[i].items << " items in "
              << batches << " batches\n";
  }
  std::cout << "jobs still in flight: " << in_flight << "\n";
}

int main() {
  const std::vector<job> jobs = {
      {"thumbnails", 16}, {"transcode", 12}, {"index", 8}, {"backup", 4}};
  rt::run(dispatch(jobs));
}
