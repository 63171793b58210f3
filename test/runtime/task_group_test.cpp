// task_group: waits for every child, failure cancels the rest.

#include "test_support.hpp"

#include <chrono>
#include <stdexcept>
#include <string>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

class TaskGroup : public eagerlint::rt::testing::both_policies {};
EAGERLINT_BOTH_POLICIES(TaskGroup);

task<> step(event_log &log, std::string name, duration d) {
  co_await sleep(d);
  log(name);
}

task<> fail(duration d) {
  co_await sleep(d);
  throw std::runtime_error("group child failed");
}

task<> spawner(task_group &g, event_log &log) {
  co_await sleep(5ms);
  g.create_task(step(log, "late", 1ms));
}

task<> uses_group(event_log &log) {
  task_group g;
  g.create_task(step(log, "b", 20ms));
  g.create_task(step(log, "a", 10ms));
  g.create_task(spawner(g, log)); // a child adding a child while we wait
  co_await g.wait();
  log("all-done");
  EXPECT_EQ(g.size(), 4u);
}

TEST_P(TaskGroup, WaitsForAllChildrenIncludingLateOnes) {
  event_log log;
  run(uses_group(log), policy());
  EXPECT_EQ(log.str(), "late a b all-done");
}

task<std::string> group_with_failure(event_log &log) {
  task_group g;
  auto slow = g.create_task(step(log, "slow", 1h));
  g.create_task(fail(10ms));
  try {
    co_await g.wait();
  } catch (const std::runtime_error &e) {
    co_return std::string(e.what()) + (slow.cancelled() ? " slow-cancelled" : "");
  }
  co_return "no failure";
}

TEST_P(TaskGroup, FailureCancelsTheOthersAndIsRethrown) {
  event_log log;
  event_loop loop(policy());
  EXPECT_EQ(loop.run_until_complete(group_with_failure(log)),
            "group child failed slow-cancelled");
  EXPECT_EQ(log.str(), "");
  EXPECT_EQ(loop.time(), std::chrono::milliseconds(10));
}

} // namespace
