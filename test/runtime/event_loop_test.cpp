// event_loop: FIFO call_soon, virtual clock, counters, independence of two
// loops, close() reporting.

#include "test_support.hpp"

#include <chrono>
#include <coroutine>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

TEST(EventLoop, CallSoonRunsInFifoOrderOnTheNextIteration) {
  event_loop loop;
  std::vector<int> order;
  loop.call_soon([&] { order.push_back(1); });
  loop.call_soon([&] {
    order.push_back(2);
    loop.call_soon([&] { order.push_back(4); }); // next iteration
  });
  loop.call_soon([&] { order.push_back(3); });
  EXPECT_TRUE(order.empty());
  EXPECT_EQ(loop.ready_count(), 3u);
  ASSERT_TRUE(loop.run_once());
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  ASSERT_TRUE(loop.run_once());
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_FALSE(loop.run_once());
}

task<> sleeper(event_log &log, std::string name, duration d) {
  co_await sleep(d);
  log(name + "@" +
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                         get_running_loop().time())
                         .count()));
}

TEST(EventLoop, VirtualClockJumpsToTheNextTimer) {
  event_loop loop;
  event_log log;
  auto a = loop.create_task(sleeper(log, "a", 1h));
  auto b = loop.create_task(sleeper(log, "b", 250ms));
  auto c = loop.create_task(sleeper(log, "c", 250ms)); // same deadline: FIFO
  EXPECT_EQ(loop.time(), duration::zero());
  loop.run_until_idle();
  EXPECT_EQ(log.str(), "b@250 c@250 a@3600000");
  EXPECT_EQ(loop.time(), std::chrono::hours(1));
}

TEST(EventLoop, RunForStopsTheClockAtTheLimit) {
  event_loop loop;
  event_log log;
  auto a = loop.create_task(sleeper(log, "a", 100ms));
  auto b = loop.create_task(sleeper(log, "b", 300ms));
  loop.run_for(200ms);
  EXPECT_EQ(log.str(), "a@100");
  EXPECT_EQ(loop.time(), std::chrono::milliseconds(200));
  loop.run_until_idle();
  EXPECT_EQ(log.str(), "a@100 b@300");
}

task<int> forty_two() { co_return 42; }

TEST(EventLoop, RunUntilCompleteReturnsTheResult) {
  event_loop loop;
  EXPECT_EQ(loop.run_until_complete(forty_two()), 42);
  EXPECT_EQ(loop.tasks_scheduled(), 1u);
}

task<> blocked_forever() {
  event never;
  co_await never.wait();
}

TEST(EventLoop, RunUntilCompleteThrowsWhenTheMainTaskCanNeverFinish) {
  event_loop loop;
  EXPECT_THROW(loop.run_until_complete(blocked_forever()), std::runtime_error);
  EXPECT_EQ(loop.live_tasks(), 1u);
  loop.close(); // cancels it
  EXPECT_EQ(loop.live_tasks(), 0u);
}

task<> tags_ids(std::vector<std::uint64_t> &ids) {
  ids.push_back(current_task().id());
  co_await sleep(10ms);
  ids.push_back(current_task().id());
}

TEST(EventLoop, TwoLoopsInOneProcessAreIndependent) {
  event_loop one(start_policy::lazy);
  event_loop two(start_policy::eager);
  std::vector<std::uint64_t> ids_one, ids_two;
  auto a = one.create_task(tags_ids(ids_one));
  auto b = two.create_task(tags_ids(ids_two));
  // the eager loop ran b's prefix from outside any task: the placeholder
  EXPECT_EQ(ids_two, (std::vector<std::uint64_t>{0}));
  EXPECT_TRUE(ids_one.empty());
  EXPECT_EQ(one.ready_count(), 1u);
  EXPECT_EQ(two.ready_count(), 0u);
  EXPECT_EQ(two.timer_count(), 1u);
  one.run_until_idle();
  EXPECT_EQ(ids_one, (std::vector<std::uint64_t>{1, 1}));
  EXPECT_EQ(one.time(), std::chrono::milliseconds(10));
  EXPECT_EQ(two.time(), duration::zero()); // untouched by one's run
  EXPECT_FALSE(b.done());
  two.run_until_idle();
  EXPECT_EQ(ids_two, (std::vector<std::uint64_t>{0, 1}));
  EXPECT_TRUE(a.done());
  EXPECT_TRUE(b.done());
}

TEST(EventLoop, NoRunningLoopOutsideIterations) {
  EXPECT_EQ(event_loop::running(), nullptr);
  EXPECT_THROW(current_task(), std::logic_error);
  event_loop loop;
  event_loop *seen = nullptr;
  loop.call_soon([&] { seen = event_loop::running(); });
  loop.run_once();
  EXPECT_EQ(seen, &loop);
  EXPECT_EQ(event_loop::running(), nullptr);
}

TEST(EventLoop, CurrentTaskOutsideAnyTaskIsThePlaceholder) {
  event_loop loop;
  task_ref seen;
  loop.call_soon([&] { seen = current_task(); });
  loop.run_once();
  ASSERT_TRUE(seen);
  EXPECT_TRUE(seen.is_placeholder());
  EXPECT_FALSE(seen.cancel()); // the placeholder cannot be cancelled
}

task<> fails() {
  co_await yield_now();
  throw std::runtime_error("lost failure");
}

TEST(EventLoop, NeverRetrievedExceptionIsReportedWhenTheLoopCloses) {
  ::testing::internal::CaptureStderr();
  {
    event_loop loop;
    { auto h = loop.create_task(fails()); }
    loop.run_until_idle();
  }
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("exception was never retrieved: lost failure"),
            std::string::npos)
      << err;
}

TEST(EventLoop, RetrievedExceptionIsNotReported) {
  ::testing::internal::CaptureStderr();
  {
    event_loop loop;
    auto h = loop.create_task(fails());
    loop.run_until_idle();
    EXPECT_THROW(h.result(), std::runtime_error);
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

task<> waits_then_cleans(event_log &log) {
  try {
    co_await sleep(1h);
  } catch (const cancelled_error &) {
    log("cleaned-up");
    throw;
  }
}

TEST(EventLoop, CloseCancelsTasksStillRunning) {
  event_log log;
  task_handle<> h;
  {
    event_loop loop;
    h = loop.create_task(waits_then_cleans(log));
    loop.run_once();
    EXPECT_EQ(loop.live_tasks(), 1u);
  }
  EXPECT_EQ(log.str(), "cleaned-up");
  EXPECT_TRUE(h.done());
  EXPECT_TRUE(h.cancelled());
}

// Issue 13: the ready queue, parking and waking are the runtime's own
// machinery, not event_loop API.
template <class L>
concept exposes_machinery =
    requires(L &loop, detail::ready_node *n) { loop.push_ready(n); } ||
    requires(L &loop, detail::waiter *w) {
      loop.park(std::coroutine_handle<>(), w);
    } ||
    requires(detail::waiter *w) { L::wake(w); } ||
    requires(L &loop, detail::task_node *t) { loop.spawn_lazy(t); } ||
    requires(L &loop) { loop.current_node(); };

static_assert(exposes_machinery<detail::loop_core>,
              "the probe must see the machinery where it is public");
static_assert(!exposes_machinery<event_loop>);
static_assert(!std::is_convertible_v<event_loop *, detail::loop_core *>);

TEST(EventLoop, PublicApiStillReachableAfterHidingTheMachinery) {
  event_loop loop(start_policy::eager);
  EXPECT_EQ(loop.policy(), start_policy::eager);
  loop.set_policy(start_policy::lazy);
  EXPECT_EQ(loop.policy(), start_policy::lazy);
  int calls = 0;
  loop.call_soon([&] { ++calls; });
  EXPECT_EQ(loop.ready_count(), 1u);
  loop.run_until_idle();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(loop.iterations(), 1u);
  EXPECT_EQ(event_loop::running(), nullptr);
  loop.close();
  EXPECT_TRUE(loop.closed());
}

} // namespace
