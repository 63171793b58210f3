// gather(): tuples and vectors of handles or coroutines, failures, cancel.

#include "test_support.hpp"

#include <chrono>
#include <stdexcept>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

class Gather : public eagerlint::rt::testing::both_policies {};
EAGERLINT_BOTH_POLICIES(Gather);

task<int> after(duration d, int v) {
  co_await sleep(d);
  co_return v;
}
task<> nothing() { co_return; }
task<int> fail_after(duration d) {
  co_await sleep(d);
  throw std::runtime_error("child failed");
}

task<int> gathers_mixed() {
  auto h = create_task(after(30ms, 1));
  auto [a, b, c] = co_await gather(h, after(10ms, 2), nothing());
  static_assert(std::is_same_v<decltype(c), std::monostate>);
  co_return a * 10 + b;
}

TEST_P(Gather, TupleOfHandlesAndCoroutines) {
  event_loop loop(policy());
  EXPECT_EQ(loop.run_until_complete(gathers_mixed()), 12);
  EXPECT_EQ(loop.time(), std::chrono::milliseconds(30)); // concurrent
}

task<std::vector<int>> gathers_vector() {
  std::vector<task<int>> children;
  for (int i = 0; i < 5; ++i)
    children.push_back(after(std::chrono::milliseconds(50 - 10 * i), i));
  co_return co_await gather(std::move(children));
}

TEST_P(Gather, VectorKeepsArgumentOrder) {
  event_loop loop(policy());
  EXPECT_EQ(loop.run_until_complete(gathers_vector()),
            (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(loop.time(), std::chrono::milliseconds(50));
}

task<std::string> gathers_failure() {
  auto ok = create_task(after(50ms, 1));
  try {
    co_await gather(ok, fail_after(10ms));
  } catch (const std::runtime_error &e) {
    // rethrown once all are done: ok finished too
    co_return std::string(e.what()) + (ok.done() ? " after-all" : " early");
  }
  co_return "no failure";
}

TEST_P(Gather, FirstFailureIsRethrownAfterAllAreDone) {
  EXPECT_EQ(run(gathers_failure(), policy()), "child failed after-all");
}

task<> gathers_two_slow(task_handle<int> &a, task_handle<int> &b) {
  a = create_task(after(1h, 1));
  b = create_task(after(1h, 2));
  co_await gather(a, b);
}

TEST_P(Gather, CancellingTheGatheringTaskCancelsTheChildren) {
  event_loop loop(policy());
  task_handle<int> a, b;
  auto g = loop.create_task(gathers_two_slow(a, b));
  loop.run_ready();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(loop.time(), duration::zero());
  EXPECT_TRUE(g.cancel());
  loop.run_until_idle();
  EXPECT_TRUE(g.cancelled());
  EXPECT_TRUE(a.cancelled());
  EXPECT_TRUE(b.cancelled());
  EXPECT_EQ(loop.time(), duration::zero());
}

task<int> gathers_done_children() {
  std::vector<task<>> children;
  for (int i = 0; i < 3; ++i)
    children.push_back(nothing());
  co_await gather(std::move(children));
  co_return 1;
}

TEST_P(Gather, ChildrenThatCompleteInTheirPrefixNeedNoTask) {
  event_loop loop(policy());
  EXPECT_EQ(loop.run_until_complete(gathers_done_children()), 1);
  // main + 3 children when lazy; only main when eager
  EXPECT_EQ(loop.tasks_scheduled(), eager() ? 1u : 4u);
}

} // namespace
