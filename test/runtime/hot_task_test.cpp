// hot_task: a coroutine type whose call is the spawn (issue 10 point 3).
// Every behaviour that depends on the policy runs one body under both
// policies and states both outcomes; the yield fixes make them agree.

#include "test_support.hpp"

#include <chrono>
#include <stdexcept>
#include <string>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

class HotTask : public eagerlint::rt::testing::both_policies {};
EAGERLINT_BOTH_POLICIES(HotTask);

std::string ms_now() {
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                            get_running_loop().time())
                            .count()) +
         "ms";
}

hot_task<int> two_steps(event_log &log, bool yield_first = false) {
  if (yield_first)
    co_await yield_now();
  log("1");
  co_await sleep(200ms);
  log("2");
  co_return 2;
}

// ---- where the call starts the coroutine ----------------------------------
task<> call_then_sleep(event_log &log) {
  log("a");
  auto child = two_steps(log);
  log("b");
  co_await sleep(100ms);
  log("c");
  log("got-" + std::to_string(co_await child));
}

TEST_P(HotTask, TheCallIsTheSpawn) {
  event_log log;
  run(call_then_sleep(log), policy());
  EXPECT_EQ(log.str(), eager() ? "a 1 b c 2 got-2" : "a b 1 c 2 got-2");
}

task<> awaited_directly(event_log &log) {
  log("a");
  log("got-" + std::to_string(co_await two_steps(log)));
  log("b");
}

TEST_P(HotTask, AwaitedDirectlyIsTheSameUnderBoth) {
  event_log log;
  run(awaited_directly(log), policy());
  EXPECT_EQ(log.str(), "a 1 2 got-2 b");
}

// Awaited before the loop reached it, a lazily queued hot_task starts at the
// await, inline; its queue entry must neither resume it early (it is parked
// on a sleep) nor run it twice.
task<> awaited_before_its_turn(event_log &log) {
  auto child = two_steps(log);
  log("b");
  log("got-" + std::to_string(co_await child) + "@" + ms_now());
}

TEST_P(HotTask, AwaitedBeforeItsTurnStartsAtTheAwait) {
  event_log log;
  event_loop loop(policy());
  loop.run_until_complete(awaited_before_its_turn(log));
  EXPECT_EQ(log.str(), eager() ? "1 b 2 got-2@200ms" : "b 1 2 got-2@200ms");
  EXPECT_EQ(loop.live_tasks(), 0u);
}

hot_task<int> yields_twice(event_log &log) {
  log("y1");
  co_await yield_now();
  log("y2");
  co_await yield_now();
  log("y3");
  co_return 3;
}

task<> await_a_yielding_one(event_log &log) {
  auto child = yields_twice(log);
  log("b");
  log("got-" + std::to_string(co_await child));
}

TEST_P(HotTask, AwaitedBeforeItsTurnAndYieldingRunsEachSegmentOnce) {
  event_log log;
  run(await_a_yielding_one(log), policy());
  EXPECT_EQ(log.str(), eager() ? "y1 b y2 y3 got-3" : "b y1 y2 y3 got-3");
}

// ---- a discarded result -----------------------------------------------------
hot_task<> cancellable(event_log &log, bool yield_first = false) {
  if (yield_first)
    co_await yield_now();
  log("start");
  try {
    co_await sleep(1s);
    log("finished");
  } catch (const cancelled_error &) {
    log("cleanup");
    throw;
  }
}

task<> discards(event_log &log, bool fix) {
  (void)cancellable(log, fix);
  log("after-call");
  co_await sleep(2s);
  log("end");
}

TEST_P(HotTask, DiscardedNeverRunsWhenLazyAndIsCancelledAfterItsPrefixWhenEager) {
  event_log log;
  event_loop loop(policy());
  loop.run_until_complete(discards(log, false));
  EXPECT_EQ(log.str(),
            eager() ? "start after-call cleanup end" : "after-call end");
  EXPECT_EQ(loop.live_tasks(), 0u);
}

TEST_P(HotTask, DiscardedFixedByYieldAsFirstStatement) {
  event_log log;
  run(discards(log, true), policy());
  EXPECT_EQ(log.str(), "after-call end");
}

task<> leaves_scope_after_it_started(event_log &log) {
  {
    auto child = cancellable(log);
    co_await sleep(10ms);
    log("leaving");
  }
  co_await sleep(2s);
  log("end");
}

TEST_P(HotTask, DestroyingAStartedHotTaskCancelsIt) {
  event_log log;
  run(leaves_scope_after_it_started(log), policy());
  EXPECT_EQ(log.str(), "start leaving cleanup end");
}

// ---- cancel right after the call ------------------------------------------
task<> call_then_cancel(event_log &log, bool fix) {
  auto child = cancellable(log);
  if (fix)
    co_await yield_now();
  log(child.cancel() ? "cancel=true" : "cancel=false");
  try {
    co_await child;
    log("caller-saw-result");
  } catch (const cancelled_error &) {
    log("caller-saw-cancelled");
  }
  log(child.cancelled() ? "cancelled" : "not-cancelled");
}

TEST_P(HotTask, CancelRightAfterTheCall) {
  event_log log;
  run(call_then_cancel(log, false), policy());
  EXPECT_EQ(log.str(),
            eager() ? "start cancel=true cleanup caller-saw-cancelled cancelled"
                    : "cancel=true caller-saw-cancelled cancelled");
}

TEST_P(HotTask, CancelFixedByYieldAfterTheCall) {
  event_log log;
  run(call_then_cancel(log, true), policy());
  EXPECT_EQ(log.str(),
            "start cancel=true cleanup caller-saw-cancelled cancelled");
}

// ---- done() right after the call -------------------------------------------
hot_task<int> returns_five() { co_return 5; }

struct done_observations {
  bool started = false;
  bool done = false;
  std::uint64_t scheduled_delta = 99;
  int result = 0;
};

task<> call_then_done(event_loop &loop, done_observations &o, bool fix) {
  const auto scheduled = loop.tasks_scheduled();
  auto five = returns_five();
  if (fix)
    co_await yield_now();
  o.started = five.started();
  o.done = five.done();
  o.scheduled_delta = loop.tasks_scheduled() - scheduled;
  o.result = co_await five;
}

TEST_P(HotTask, DoneRightAfterTheCall) {
  event_loop loop(policy());
  done_observations o;
  loop.run_until_complete(call_then_done(loop, o, false));
  EXPECT_EQ(o.result, 5);
  EXPECT_EQ(o.started, eager());
  EXPECT_EQ(o.done, eager());
  // eager: finished in its prefix, no task object; lazy: a queued task
  EXPECT_EQ(o.scheduled_delta, eager() ? 0u : 1u);
  EXPECT_EQ(loop.eager_inline_completions(), eager() ? 1u : 0u);
}

TEST_P(HotTask, DoneFixedByYieldAfterTheCall) {
  event_loop loop(policy());
  done_observations o;
  loop.run_until_complete(call_then_done(loop, o, true));
  EXPECT_TRUE(o.started);
  EXPECT_TRUE(o.done);
  EXPECT_EQ(o.result, 5);
}

// ---- state written after the call that the prefix reads ---------------------
hot_task<> reads_shared(const int &shared, event_log &log, bool fix) {
  if (fix)
    co_await yield_now();
  log("child-sees-" + std::to_string(shared));
  co_return;
}

task<> writes_after_call(event_log &log, bool fix_after_call,
                         bool fix_first_statement) {
  int shared = 0;
  auto child = reads_shared(shared, log, fix_first_statement);
  if (fix_after_call)
    co_await yield_now();
  shared = 1;
  co_await child;
}

TEST_P(HotTask, StateWrittenAfterTheCall) {
  event_log log;
  run(writes_after_call(log, false, false), policy());
  EXPECT_EQ(log.str(), eager() ? "child-sees-0" : "child-sees-1");
}

TEST_P(HotTask, StateWriteFixedByYieldAfterTheCall) {
  event_log log;
  run(writes_after_call(log, true, false), policy());
  EXPECT_EQ(log.str(), "child-sees-0");
}

TEST_P(HotTask, StateWriteFixedByYieldAsFirstStatement) {
  event_log log;
  run(writes_after_call(log, false, true), policy());
  EXPECT_EQ(log.str(), "child-sees-1");
}

// ---- identity in the prefix ------------------------------------------------
struct identities {
  task_ref creator, child, in_prefix, after;
};

hot_task<> identity_child(identities &ids, bool fix) {
  if (fix)
    co_await yield_now();
  ids.in_prefix = current_task();
  co_await yield_now();
  ids.after = current_task();
}

task<> identity_caller(identities &ids, bool fix, bool await_directly) {
  ids.creator = current_task();
  if (await_directly) {
    co_await identity_child(ids, fix);
    co_return;
  }
  auto child = identity_child(ids, fix);
  ids.child = child.ref();
  co_await yield_now();
  co_await child;
}

TEST_P(HotTask, CurrentTaskInThePrefixIsTheCreatorWhenEager) {
  identities ids;
  run(identity_caller(ids, false, false), policy());
  ASSERT_TRUE(ids.creator && ids.child);
  EXPECT_NE(ids.creator, ids.child);
  EXPECT_EQ(ids.in_prefix, eager() ? ids.creator : ids.child);
  EXPECT_EQ(ids.after, ids.child);
}

TEST_P(HotTask, CurrentTaskFixedByYieldAsFirstStatement) {
  identities ids;
  run(identity_caller(ids, true, false), policy());
  EXPECT_EQ(ids.in_prefix, ids.child);
  EXPECT_EQ(ids.after, ids.child);
}

TEST_P(HotTask, CurrentTaskAwaitedDirectlyIsTheSameUnderBoth) {
  identities ids;
  run(identity_caller(ids, false, true), policy());
  EXPECT_EQ(ids.in_prefix, ids.creator); // the prefix runs at the await
  EXPECT_NE(ids.after, ids.creator);     // then it is a task of its own
}

// ---- timeout entered in the prefix -----------------------------------------
task<int> slow_work(event_log &log) {
  co_await sleep(1s);
  log("work-done");
  co_return 7;
}

hot_task<int> child_with_timeout(event_log &log) {
  try {
    co_return co_await timeout(100ms, slow_work(log));
  } catch (const timeout_error &) {
    log("child-timeout_error");
    co_return -1;
  }
}

task<> timeout_caller(event_log &log) {
  auto child = child_with_timeout(log);
  co_await yield_now(); // lazy: the child starts here, as its own task
  bool cancelled = false;
  try {
    log("caller-got-" + std::to_string(co_await child));
  } catch (const cancelled_error &) {
    cancelled = true;
    log("caller-cancelled-at-" + ms_now());
  }
  if (cancelled) // the child was not cancelled: it still finishes
    log("caller-then-got-" + std::to_string(co_await child));
}

TEST_P(HotTask, TimeoutInThePrefixBindsToTheCreatorWhenEager) {
  event_log log;
  run(timeout_caller(log), policy());
  if (eager())
    EXPECT_EQ(log.str(), "caller-cancelled-at-100ms work-done caller-then-got-7");
  else
    EXPECT_EQ(log.str(), "child-timeout_error caller-got--1");
}

// ---- self-call before the first suspension ----------------------------------
hot_task<int> chain(int n, bool fix) {
  if (fix)
    co_await yield_now();
  if (n == 0)
    co_return 0;
  auto below = chain(n - 1, fix);
  co_await sleep(1ms);
  co_return co_await below + 1;
}

task<int> run_chain(int n, bool fix) { co_return co_await chain(n, fix); }

TEST_P(HotTask, SelfCallBeforeSuspending) {
  event_loop loop(policy());
  loop.set_max_eager_depth(50);
  if (eager()) {
    // nests one prefix per level until the 51st call refuses to start
    try {
      loop.run_until_complete(run_chain(1000, false));
      FAIL() << "expected eager_recursion_error";
    } catch (const eager_recursion_error &e) {
      EXPECT_EQ(e.depth(), 51u);
    }
  } else {
    EXPECT_EQ(loop.run_until_complete(run_chain(1000, false)), 1000);
  }
}

TEST_P(HotTask, SelfCallFixedByYieldAsFirstStatement) {
  event_loop loop(policy());
  loop.set_max_eager_depth(50);
  EXPECT_EQ(loop.run_until_complete(run_chain(1000, true)), 1000);
}

// ---- results, exceptions, hand-off ------------------------------------------
hot_task<std::string> fails_after(duration d) {
  co_await sleep(d);
  throw std::runtime_error("boom");
}

task<> result_and_exception(event_log &log) {
  auto failing = fails_after(10ms);
  try {
    (void)failing.result();
  } catch (const std::logic_error &) {
    log("not-done");
  }
  try {
    (void)co_await failing;
  } catch (const std::runtime_error &e) {
    log(e.what());
  }
  log(failing.done() && !failing.cancelled() ? "done" : "?");
  auto five = returns_five();
  int &by_ref = co_await five; // an lvalue hot_task keeps the result
  log(std::to_string(by_ref) + "/" + std::to_string(five.result()));
}

TEST_P(HotTask, ResultAndExceptionAsTaskHandle) {
  event_log log;
  run(result_and_exception(log), policy());
  EXPECT_EQ(log.str(), "not-done boom done 5/5");
}

task<> handed_off(event_log &log) {
  task_handle<> h = create_task(cancellable(log)); // no longer owned
  auto [a, b] = co_await gather(returns_five(), two_steps(log));
  log("gather-" + std::to_string(a + b));
  task_group group;
  auto g = group.create_task(returns_five());
  co_await group.wait();
  log("group-" + std::to_string(g.result()));
  co_await sleep(2s);
  log(h.done() && !h.cancelled() ? "handed-off-finished" : "?");
}

TEST_P(HotTask, HandOffToCreateTaskGatherAndTaskGroup) {
  event_log log;
  run(handed_off(log), policy());
  // eager: both prefixes ran at their calls; lazy: in queue order
  EXPECT_EQ(log.str(), "start 1 2 gather-7 group-5 finished handed-off-finished");
}

hot_task<> never_called_body(bool &ran) {
  ran = true;
  co_return;
}

TEST(HotTaskOutsideALoop, CallingNeedsARunningLoop) {
  bool ran = false;
  try {
    auto t = never_called_body(ran);
    FAIL() << "expected std::logic_error";
  } catch (const std::logic_error &e) {
    EXPECT_NE(std::string(e.what()).find("needs a running event_loop"),
              std::string::npos);
  }
  EXPECT_FALSE(ran);
}

task<> leaves_a_queued_one(bool &ran, hot_task<> &out) {
  out = never_called_body(ran);
  co_return;
}

TEST(HotTaskLazy, ClosingTheLoopCancelsOneThatNeverStarted) {
  bool ran = false;
  hot_task<> kept;
  {
    event_loop loop(start_policy::lazy);
    loop.run_until_complete(leaves_a_queued_one(ran, kept));
    EXPECT_FALSE(kept.started());
  }
  EXPECT_FALSE(ran);
  EXPECT_TRUE(kept.done());
  EXPECT_TRUE(kept.cancelled());
}

} // namespace
