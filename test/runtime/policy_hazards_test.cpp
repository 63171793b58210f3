// Issue #2: every hazard of the design's table, one body run under both
// policies with both outcomes stated, then the yield fix making them agree.

#include "test_support.hpp"

#include <chrono>
#include <string>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

class PolicyHazards : public eagerlint::rt::testing::both_policies {};
EAGERLINT_BOTH_POLICIES(PolicyHazards);

// ---- depth-first log ------------------------------------------------------
task<> logging_child(event_log &log) {
  log("1");
  co_await sleep(200ms);
  log("2");
}

task<> spawning_caller(event_log &log) {
  log("a");
  auto child = create_task(logging_child(log));
  log("b");
  co_await sleep(100ms);
  log("c");
  co_await child;
}

task<> bare_caller(event_log &log) {
  log("a");
  task<> child = logging_child(log); // created, not started
  log("b");
  co_await sleep(100ms);
  log("c");
  co_await std::move(child);
}

TEST_P(PolicyHazards, DepthFirstLogBareCoroutineIsTheSameUnderBoth) {
  event_log log;
  run(bare_caller(log), policy());
  EXPECT_EQ(log.str(), "a b c 1 2");
}

TEST_P(PolicyHazards, DepthFirstLogCreateTask) {
  event_log log;
  run(spawning_caller(log), policy());
  EXPECT_EQ(log.str(), eager() ? "a 1 b c 2" : "a b 1 c 2");
}

// ---- create then cancel ---------------------------------------------------
task<> cancellable(event_log &log) {
  log("start");
  try {
    co_await sleep(1s);
    log("finished");
  } catch (const cancelled_error &) {
    log("cleanup");
    throw;
  }
}

task<> create_then_cancel(event_log &log, bool fix) {
  auto h = create_task(cancellable(log));
  if (fix)
    co_await yield_now();
  log(h.cancel() ? "cancel=true" : "cancel=false");
  bool saw = false;
  try {
    co_await h;
  } catch (const cancelled_error &) {
    saw = true;
  }
  log(saw ? "caller-saw-cancelled" : "caller-saw-result");
  log(h.cancelled() ? "handle-cancelled" : "handle-not-cancelled");
}

TEST_P(PolicyHazards, CreateThenCancel) {
  event_log log;
  run(create_then_cancel(log, false), policy());
  if (eager())
    EXPECT_EQ(log.str(),
              "start cancel=true cleanup caller-saw-cancelled handle-cancelled");
  else
    EXPECT_EQ(log.str(), "cancel=true caller-saw-cancelled handle-cancelled");
}

TEST_P(PolicyHazards, CreateThenCancelFixedByYieldAfterSpawn) {
  event_log log;
  run(create_then_cancel(log, true), policy());
  EXPECT_EQ(log.str(),
            "start cancel=true cleanup caller-saw-cancelled handle-cancelled");
}

// ---- timeout entered in the prefix ----------------------------------------
task<int> slow_work(event_log &log) {
  co_await sleep(1s);
  log("work-done");
  co_return 7;
}

task<int> child_with_timeout(event_log &log, bool fix) {
  if (fix)
    co_await yield_now();
  try {
    int v = co_await timeout(100ms, slow_work(log));
    log("child-got-" + std::to_string(v));
    co_return v;
  } catch (const timeout_error &) {
    log("child-timeout_error");
    co_return -1;
  }
}

task<> timeout_caller(event_log &log, bool fix) {
  auto h = create_task(child_with_timeout(log, fix));
  bool cancelled = false;
  try {
    int r = co_await h;
    log("caller-got-" + std::to_string(r));
  } catch (const cancelled_error &) {
    cancelled = true;
  }
  if (cancelled) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        get_running_loop().time());
    log("caller-cancelled-at-" + std::to_string(ms.count()) + "ms");
    int r = co_await h; // the child was not cancelled: it still finishes
    log("caller-then-got-" + std::to_string(r));
  }
}

TEST_P(PolicyHazards, TimeoutEnteredBeforeFirstSuspension) {
  event_log log;
  run(timeout_caller(log, false), policy());
  if (eager())
    // the timeout bound to the creator: the creator is cancelled at 100ms,
    // the child's work is never interrupted and the child sees no timeout
    EXPECT_EQ(log.str(), "caller-cancelled-at-100ms work-done child-got-7 "
                         "caller-then-got-7");
  else
    // the child's own timeout fires: it sees timeout_error, the caller its -1
    EXPECT_EQ(log.str(), "child-timeout_error caller-got--1");
}

TEST_P(PolicyHazards, TimeoutFixedByYieldAsFirstStatement) {
  event_log log;
  run(timeout_caller(log, true), policy());
  EXPECT_EQ(log.str(), "child-timeout_error caller-got--1");
}

// A timeout that fired on the creator must not turn a later, unrelated
// cancellation of the child into timeout_error.
task<> child_cancelled_later(event_log &log) {
  try {
    co_await timeout(100ms, slow_work(log));
    log("child-finished");
  } catch (const timeout_error &) {
    log("child-timeout_error");
  } catch (const cancelled_error &) {
    log("child-cancelled_error");
  }
}

task<> cancel_after_deadline(event_log &log) {
  auto h = create_task(child_cancelled_later(log));
  try {
    co_await sleep(200ms);
  } catch (const cancelled_error &) {
    log("caller-cancelled");
  }
  co_await sleep(200ms); // past the deadline, before the work finishes
  log(h.cancel() ? "cancel-sent" : "cancel-refused");
  co_await sleep(1s);
}

TEST_P(PolicyHazards, TimeoutDoesNotRelabelALaterCancellation) {
  event_log log;
  run(cancel_after_deadline(log), policy());
  if (eager())
    // the deadline cancelled the creator; the child's own cancellation at
    // 400ms is a plain cancellation
    EXPECT_EQ(log.str(), "caller-cancelled cancel-sent child-cancelled_error");
  else
    // the child's own timeout fired at 100ms; the later cancel finds it done
    EXPECT_EQ(log.str(), "child-timeout_error cancel-refused");
}

// ---- current_task() in the prefix -----------------------------------------
task<> identity_child(task_ref &in_prefix, task_ref &after, bool fix) {
  if (fix)
    co_await yield_now();
  in_prefix = current_task();
  co_await yield_now();
  after = current_task();
}

struct identities {
  task_ref creator, child, in_prefix, after;
};

task<> identity_caller(identities &ids, bool fix) {
  ids.creator = current_task();
  auto h = create_task(identity_child(ids.in_prefix, ids.after, fix));
  ids.child = h.ref();
  co_await h;
}

TEST_P(PolicyHazards, CurrentTaskInPrefix) {
  identities ids;
  run(identity_caller(ids, false), policy());
  ASSERT_TRUE(ids.creator && ids.child);
  EXPECT_NE(ids.creator, ids.child);
  if (eager())
    EXPECT_EQ(ids.in_prefix, ids.creator);
  else
    EXPECT_EQ(ids.in_prefix, ids.child);
  EXPECT_EQ(ids.after, ids.child); // after the first suspension: the child
}

TEST_P(PolicyHazards, CurrentTaskFixedByYieldAsFirstStatement) {
  identities ids;
  run(identity_caller(ids, true), policy());
  EXPECT_EQ(ids.in_prefix, ids.child);
  EXPECT_EQ(ids.after, ids.child);
}

TEST_P(PolicyHazards, CurrentTaskInPrefixOutsideAnyTaskIsThePlaceholder) {
  event_loop loop(policy());
  task_ref in_prefix, after;
  auto h = loop.create_task(identity_child(in_prefix, after, false));
  if (eager()) {
    ASSERT_TRUE(in_prefix);
    EXPECT_TRUE(in_prefix.is_placeholder());
    EXPECT_EQ(in_prefix.id(), 0u);
  } else {
    EXPECT_FALSE(in_prefix); // not started yet
  }
  loop.run_until_idle();
  EXPECT_EQ(after, h.ref());
  if (!eager())
    EXPECT_EQ(in_prefix, h.ref());
}

// ---- synchronous completion -----------------------------------------------
task<int> returns_five() { co_return 5; }

struct sync_observations {
  bool done_right_after = false;
  std::uint64_t scheduled_delta = 99;
  std::uint64_t pushes_delta = 99;
  bool callback_ran_inline = false;
  std::uint64_t spawn_iteration = 0;
  std::uint64_t callback_iteration = 0;
  int result = 0;
};

task<> sync_caller(event_loop &loop, sync_observations &o, bool fix) {
  const auto scheduled = loop.tasks_scheduled();
  const auto pushes = loop.ready_pushes();
  auto h = loop.create_task(returns_five());
  if (fix)
    co_await yield_now();
  o.done_right_after = h.done();
  o.scheduled_delta = loop.tasks_scheduled() - scheduled;
  o.pushes_delta = loop.ready_pushes() - pushes;
  bool ran = false;
  o.spawn_iteration = loop.iterations();
  h.add_done_callback([&o, &loop, &ran](task_handle<int> done) {
    ran = true;
    o.callback_iteration = loop.iterations();
    o.result = done.result();
  });
  o.callback_ran_inline = ran;
  co_await h;
  co_await yield_now();
  co_await yield_now();
}

TEST_P(PolicyHazards, SynchronousCompletion) {
  event_loop loop(policy());
  sync_observations o;
  loop.run_until_complete(sync_caller(loop, o, false));
  EXPECT_FALSE(o.callback_ran_inline); // done callbacks never run inline
  EXPECT_EQ(o.result, 5);
  if (eager()) {
    EXPECT_TRUE(o.done_right_after);
    EXPECT_EQ(o.scheduled_delta, 0u); // no task object, nothing scheduled
    EXPECT_EQ(o.pushes_delta, 0u);    // the ready queue was not touched
    EXPECT_EQ(loop.eager_inline_completions(), 1u);
    EXPECT_EQ(o.callback_iteration, o.spawn_iteration + 1); // next iteration
  } else {
    EXPECT_FALSE(o.done_right_after);
    EXPECT_EQ(o.scheduled_delta, 1u);
    EXPECT_EQ(o.pushes_delta, 1u);
    EXPECT_EQ(loop.eager_inline_completions(), 0u);
    // the task runs next iteration, its callback the one after
    EXPECT_EQ(o.callback_iteration, o.spawn_iteration + 2);
  }
}

TEST_P(PolicyHazards, DoneAfterSpawnFixedByYieldAfterSpawn) {
  event_loop loop(policy());
  sync_observations o;
  loop.run_until_complete(sync_caller(loop, o, true));
  EXPECT_TRUE(o.done_right_after);
  EXPECT_EQ(o.result, 5);
}

// ---- event pulse -------------------------------------------------------------
task<> pulse_waiter(event &e, event_log &log) {
  log("waiting");
  co_await e.wait();
  log("woke");
}

task<> pulse_caller(event_log &log, bool fix) {
  event e;
  auto h = create_task(pulse_waiter(e, log));
  if (fix)
    co_await yield_now();
  e.set();
  e.clear();
  co_await sleep(10ms);
  log(h.done() ? "waiter-done" : "waiter-still-waiting");
  if (!h.done()) {
    h.cancel();
    try {
      co_await h;
    } catch (const cancelled_error &) {
      log("waiter-cancelled");
    }
  }
}

TEST_P(PolicyHazards, EventPulseAfterSpawningWaiter) {
  event_log log;
  run(pulse_caller(log, false), policy());
  if (eager())
    EXPECT_EQ(log.str(), "waiting woke waiter-done");
  else
    EXPECT_EQ(log.str(), "waiting waiter-still-waiting waiter-cancelled");
}

TEST_P(PolicyHazards, EventPulseFixedByYieldAfterSpawn) {
  event_log log;
  run(pulse_caller(log, true), policy());
  EXPECT_EQ(log.str(), "waiting woke waiter-done");
}

// ---- caller writes state the child's prefix reads ---------------------------
task<> reads_shared(const int &shared, event_log &log) {
  log("child-sees-" + std::to_string(shared));
  co_return;
}

task<> writes_after_spawn(event_log &log, bool fix) {
  int shared = 0;
  auto h = create_task(reads_shared(shared, log));
  if (fix)
    co_await yield_now();
  shared = 1;
  co_await h;
}

TEST_P(PolicyHazards, StateWrittenAfterSpawn) {
  event_log log;
  run(writes_after_spawn(log, false), policy());
  EXPECT_EQ(log.str(), eager() ? "child-sees-0" : "child-sees-1");
}

TEST_P(PolicyHazards, StateWriteFixedByYieldAfterSpawn) {
  event_log log;
  run(writes_after_spawn(log, true), policy());
  EXPECT_EQ(log.str(), "child-sees-0");
}

// ---- self-spawning chain ----------------------------------------------------
task<int> chain(int n, bool fix) {
  if (fix)
    co_await yield_now();
  if (n == 0)
    co_return 0;
  auto h = create_task(chain(n - 1, fix));
  int below = co_await h;
  co_return below + 1;
}

TEST_P(PolicyHazards, SelfSpawningChainOfDepth100000) {
  if (eager()) {
    try {
      run(chain(100000, false), policy());
      FAIL() << "expected eager_recursion_error";
    } catch (const eager_recursion_error &e) {
      EXPECT_EQ(e.depth(), 1001u);
      EXPECT_NE(std::string(e.what()).find("1001"), std::string::npos);
    }
  } else {
    EXPECT_EQ(run(chain(100000, false), policy()), 100000);
  }
}

TEST_P(PolicyHazards, SelfSpawningChainFixedByYieldAsFirstStatement) {
  EXPECT_EQ(run(chain(100000, true), policy()), 100000);
}

TEST_P(PolicyHazards, EagerDepthLimitIsPerLoopAndConfigurable) {
  event_loop loop(policy());
  loop.set_max_eager_depth(10);
  EXPECT_EQ(loop.max_eager_depth(), 10u);
  if (eager()) {
    EXPECT_THROW(loop.run_until_complete(chain(50, false)),
                 eager_recursion_error);
    EXPECT_EQ(loop.eager_depth(), 0u); // unwound cleanly
    EXPECT_EQ(loop.run_until_complete(chain(9, false)), 9);
  } else {
    EXPECT_EQ(loop.run_until_complete(chain(50, false)), 50);
  }
}

// ---- per-call override ------------------------------------------------------
task<> override_caller(event_log &log) {
  const int one = 1, two = 2;
  auto a = create_task(reads_shared(one, log), start_policy::eager);
  log("after-eager");
  auto b = create_task(reads_shared(two, log), start_policy::lazy);
  log("after-lazy");
  co_await gather(a, b);
}

TEST_P(PolicyHazards, PerCallPolicyOverridesTheLoopDefault) {
  event_log log;
  run(override_caller(log), policy());
  EXPECT_EQ(log.str(), "child-sees-1 after-eager after-lazy child-sees-2");
}

} // namespace
