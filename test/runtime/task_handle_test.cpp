// task_handle: shared copies, cancel() per rule 3, results, done callbacks.

#include "test_support.hpp"

#include <chrono>
#include <stdexcept>
#include <string>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

class TaskHandle : public eagerlint::rt::testing::both_policies {};
EAGERLINT_BOTH_POLICIES(TaskHandle);

task<int> after(duration d, int v) {
  co_await sleep(d);
  co_return v;
}
task<int> immediate(int v) { co_return v; }
task<int> throws_after_yield() {
  co_await yield_now();
  throw std::invalid_argument("bad");
}

TEST_P(TaskHandle, CopiesReferToTheSameTask) {
  event_loop loop(policy());
  auto h = loop.create_task(after(10ms, 3));
  task_handle<int> copy = h;
  EXPECT_EQ(copy, h);
  EXPECT_EQ(copy.id(), h.id());
  EXPECT_TRUE(copy.cancel());
  loop.run_until_idle();
  EXPECT_TRUE(h.cancelled());
  EXPECT_THROW(h.result(), cancelled_error);
}

TEST_P(TaskHandle, CancelOnADoneTaskReturnsFalse) {
  event_loop loop(policy());
  auto h = loop.create_task(immediate(4));
  loop.run_until_idle();
  ASSERT_TRUE(h.done());
  EXPECT_FALSE(h.cancel());
  EXPECT_FALSE(h.cancelled());
  EXPECT_EQ(h.result(), 4);
}

TEST_P(TaskHandle, CancelWakesASleepingTaskAtOnce) {
  event_loop loop(policy());
  auto h = loop.create_task(after(1h, 1));
  loop.run_ready(); // now it sleeps (either policy)
  ASSERT_FALSE(h.done());
  EXPECT_EQ(loop.timer_count(), 1u);
  EXPECT_TRUE(h.cancel());
  EXPECT_EQ(loop.timer_count(), 0u); // the sleep is abandoned
  loop.run_until_idle();
  EXPECT_TRUE(h.cancelled());
  EXPECT_EQ(loop.time(), duration::zero()); // woken at once, not after 1h
}

TEST_P(TaskHandle, CancelOnUnstartedTaskMeansItNeverRuns) {
  event_loop loop(policy());
  bool ran = false;
  auto body = [](bool &r) -> task<> {
    r = true;
    co_return;
  };
  auto h = loop.create_task(body(ran), start_policy::lazy);
  EXPECT_TRUE(h.cancel());
  EXPECT_TRUE(h.done());
  EXPECT_TRUE(h.cancelled());
  EXPECT_FALSE(h.cancel());
  loop.run_until_idle();
  EXPECT_FALSE(ran);
}

TEST_P(TaskHandle, ResultBeforeDoneIsAnError) {
  event_loop loop(policy());
  auto h = loop.create_task(after(1ms, 1));
  EXPECT_THROW(h.result(), std::logic_error);
  loop.run_until_idle();
  EXPECT_EQ(h.result(), 1);
}

TEST_P(TaskHandle, ExceptionIsStoredAndRethrown) {
  event_loop loop(policy());
  auto h = loop.create_task(throws_after_yield());
  loop.run_until_idle();
  EXPECT_TRUE(h.done());
  EXPECT_FALSE(h.cancelled());
  EXPECT_THROW(h.result(), std::invalid_argument);
  EXPECT_TRUE(h.exception() != nullptr);
}

task<std::string> awaits_failure() {
  auto h = create_task(throws_after_yield());
  try {
    co_await h;
  } catch (const std::invalid_argument &e) {
    co_return std::string("caught ") + e.what();
  }
  co_return "nothing";
}

TEST_P(TaskHandle, AwaitRethrowsTheStoredException) {
  EXPECT_EQ(run(awaits_failure(), policy()), "caught bad");
}

TEST_P(TaskHandle, DoneCallbackRunsViaCallSoonWithTheHandle) {
  event_loop loop(policy());
  event_log log;
  auto h = loop.create_task(immediate(8));
  h.add_done_callback([&](task_handle<int> d) {
    log("cb-" + std::to_string(d.result()));
  });
  h.add_done_callback([&] { log("cb-noarg"); });
  EXPECT_EQ(log.str(), ""); // never inline, even when already done
  loop.run_until_idle();
  EXPECT_EQ(log.str(), "cb-8 cb-noarg");
}

task<> awaits_then_records(task_handle<int> h, event_log &log) {
  int v = co_await h;
  log("got-" + std::to_string(v));
}

TEST_P(TaskHandle, SeveralTasksCanAwaitTheSameHandle) {
  event_loop loop(policy());
  event_log log;
  auto h = loop.create_task(after(5ms, 6));
  auto a = loop.create_task(awaits_then_records(h, log));
  auto b = loop.create_task(awaits_then_records(h, log));
  loop.run_until_idle();
  EXPECT_EQ(log.str(), "got-6 got-6");
}

task<> cancels_itself(event_log &log) {
  current_task().cancel(); // running: delivered at the next suspension
  log("still-running");
  try {
    co_await yield_now();
    log("not-reached");
  } catch (const cancelled_error &) {
    log("cancelled-at-yield");
  }
}

TEST_P(TaskHandle, CancelOfTheRunningTaskIsDeliveredAtItsNextSuspension) {
  event_log log;
  run(cancels_itself(log), policy());
  EXPECT_EQ(log.str(), "still-running cancelled-at-yield");
}

} // namespace
