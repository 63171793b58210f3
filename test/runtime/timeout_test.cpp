// timeout(): runs the body inline, cancels the task current at the call,
// turns that cancellation into timeout_error.

#include "test_support.hpp"

#include <chrono>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

class Timeout : public eagerlint::rt::testing::both_policies {};
EAGERLINT_BOTH_POLICIES(Timeout);

task<int> work(duration d, int v) {
  co_await sleep(d);
  co_return v;
}

task<std::string> with_timeout(duration limit, duration d) {
  try {
    int v = co_await timeout(limit, work(d, 5));
    co_return "value-" + std::to_string(v);
  } catch (const timeout_error &) {
    co_return "timeout@" +
        std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                           get_running_loop().time())
                           .count());
  }
}

TEST_P(Timeout, BodyFinishingInTimeReturnsItsValue) {
  event_loop loop(policy());
  EXPECT_EQ(loop.run_until_complete(with_timeout(100ms, 50ms)), "value-5");
  EXPECT_EQ(loop.timer_count(), 0u); // the deadline timer was removed
}

TEST_P(Timeout, DeadlineRaisesTimeoutError) {
  EXPECT_EQ(run(with_timeout(100ms, 1s), policy()), "timeout@100");
}

task<int> current_id_inside() { co_return static_cast<int>(current_task().id()); }

task<bool> body_runs_inline() {
  const auto mine = static_cast<int>(current_task().id());
  int inside = co_await timeout(1s, current_id_inside());
  co_return inside == mine;
}

TEST_P(Timeout, BodyRunsInlineInTheCurrentTask) {
  EXPECT_TRUE(run(body_runs_inline(), policy()));
}

task<std::string> other_exceptions_pass_through() {
  auto failing = []() -> task<int> {
    co_await sleep(1ms);
    throw std::out_of_range("oops");
  };
  try {
    co_await timeout(1s, failing());
  } catch (const std::out_of_range &e) {
    co_return e.what();
  }
  co_return "none";
}

TEST_P(Timeout, OtherExceptionsPassThrough) {
  EXPECT_EQ(run(other_exceptions_pass_through(), policy()), "oops");
}

} // namespace
