// event: set wakes every waiter, clear resets, cancellation of a waiter.

#include "test_support.hpp"

#include <chrono>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

task<> waits(event &e, event_log &log, std::string name) {
  co_await e.wait();
  log(name);
}

TEST(Event, SetWakesAllWaitersInOrder) {
  event_loop loop;
  event e;
  event_log log;
  auto a = loop.create_task(waits(e, log, "a"));
  auto b = loop.create_task(waits(e, log, "b"));
  loop.run_until_idle();
  EXPECT_EQ(e.waiters(), 2u);
  EXPECT_EQ(log.str(), "");
  e.set();
  EXPECT_TRUE(e.is_set());
  loop.run_until_idle();
  EXPECT_EQ(log.str(), "a b");
  EXPECT_EQ(e.waiters(), 0u);
}

TEST(Event, WaitOnASetEventDoesNotSuspend) {
  event_loop loop;
  event e(true);
  event_log log;
  auto a = loop.create_task(waits(e, log, "a"), start_policy::eager);
  EXPECT_TRUE(a.done());
  EXPECT_EQ(log.str(), "a");
}

TEST(Event, ClearResets) {
  event_loop loop;
  event e;
  e.set();
  e.clear();
  EXPECT_FALSE(e.is_set());
  event_log log;
  auto a = loop.create_task(waits(e, log, "a"));
  loop.run_until_idle();
  EXPECT_FALSE(a.done());
  a.cancel();
  loop.run_until_idle();
  EXPECT_TRUE(a.cancelled());
  EXPECT_EQ(e.waiters(), 0u); // the cancelled waiter unlinked itself
}

TEST(Event, WokenWaiterProceedsDespiteClear) {
  event_loop loop;
  event e;
  event_log log;
  auto a = loop.create_task(waits(e, log, "a"));
  loop.run_until_idle();
  e.set();
  e.clear();
  loop.run_until_idle();
  EXPECT_EQ(log.str(), "a");
}

} // namespace
