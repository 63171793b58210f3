// scoped_policy: RAII switch of the running loop's default policy.

#include "test_support.hpp"

using namespace eagerlint::rt;
using eagerlint::rt::testing::event_log;

namespace {

class ScopedPolicy : public eagerlint::rt::testing::both_policies {};
EAGERLINT_BOTH_POLICIES(ScopedPolicy);

task<> note(event_log &log, const char *s) {
  log(s);
  co_return;
}

task<> switches(event_log &log, start_policy outer) {
  EXPECT_EQ(get_running_loop().policy(), outer);
  {
    scoped_policy eager_here(start_policy::eager);
    EXPECT_EQ(eager_here.previous(), outer);
    auto h = create_task(note(log, "inside"));
    log(h.done() ? "inside-done" : "inside-pending");
  }
  EXPECT_EQ(get_running_loop().policy(), outer);
  auto h = create_task(note(log, "outside"));
  log(h.done() ? "outside-done" : "outside-pending");
  co_await h;
}

TEST_P(ScopedPolicy, SwitchesForTheScopeAndRestores) {
  event_log log;
  run(switches(log, policy()), policy());
  if (eager())
    EXPECT_EQ(log.str(), "inside inside-done outside outside-done");
  else
    EXPECT_EQ(log.str(), "inside inside-done outside-pending outside");
}

TEST(ScopedPolicyNoLoop, NeedsARunningLoop) {
  EXPECT_THROW({ scoped_policy p{start_policy::eager}; }, std::logic_error);
  event_loop loop;
  {
    scoped_policy p(loop, start_policy::eager);
    EXPECT_EQ(loop.policy(), start_policy::eager);
  }
  EXPECT_EQ(loop.policy(), start_policy::lazy);
}

} // namespace
