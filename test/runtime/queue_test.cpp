// queue<T>: FIFO items, get() waits, getters served in order, cancellation.

#include "test_support.hpp"

#include <chrono>
#include <string>

using namespace eagerlint::rt;
using namespace std::chrono_literals;
using eagerlint::rt::testing::event_log;

namespace {

task<> consumer(queue<int> &q, event_log &log, std::string name, int n) {
  for (int i = 0; i < n; ++i)
    log(name + std::to_string(co_await q.get()));
}

task<> producer(queue<int> &q) {
  for (int i = 1; i <= 3; ++i) {
    co_await sleep(1ms);
    q.put(i);
  }
}

TEST(Queue, GetWaitsForPut) {
  event_loop loop;
  queue<int> q;
  event_log log;
  auto c = loop.create_task(consumer(q, log, "c", 3));
  auto p = loop.create_task(producer(q));
  loop.run_until_idle();
  EXPECT_EQ(log.str(), "c1 c2 c3");
  EXPECT_TRUE(q.empty());
}

TEST(Queue, ItemsAreFifoAndGetDoesNotWaitWhenNonEmpty) {
  event_loop loop;
  queue<int> q;
  q.put(1);
  q.put(2);
  event_log log;
  auto c = loop.create_task(consumer(q, log, "c", 2), start_policy::eager);
  EXPECT_TRUE(c.done());
  EXPECT_EQ(log.str(), "c1 c2");
}

TEST(Queue, GettersAreServedInOrder) {
  event_loop loop;
  queue<int> q;
  event_log log;
  auto a = loop.create_task(consumer(q, log, "a", 1));
  auto b = loop.create_task(consumer(q, log, "b", 1));
  loop.run_until_idle();
  q.put(10);
  q.put(20);
  loop.run_until_idle();
  EXPECT_EQ(log.str(), "a10 b20");
}

TEST(Queue, CancelledGetterPassesItsItemOn) {
  event_loop loop;
  queue<int> q;
  event_log log;
  auto a = loop.create_task(consumer(q, log, "a", 1));
  auto b = loop.create_task(consumer(q, log, "b", 1));
  loop.run_until_idle();
  q.put(7);     // handed to a
  a.cancel();   // before a runs: the item must not be lost
  loop.run_until_idle();
  EXPECT_TRUE(a.cancelled());
  EXPECT_EQ(log.str(), "b7");
}

TEST(Queue, TryGet) {
  queue<std::string> q;
  EXPECT_FALSE(q.try_get().has_value());
  q.put("x");
  EXPECT_EQ(q.size(), 1u);
  EXPECT_EQ(q.try_get().value(), "x");
}

} // namespace
