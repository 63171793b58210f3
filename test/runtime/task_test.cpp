// task<T>: lazy, awaited inline in the current task, results and exceptions.

#include "test_support.hpp"

#include <memory>
#include <stdexcept>
#include <string>

using namespace eagerlint::rt;

namespace {

task<int> value(int v) { co_return v; }
task<int> add(int a, int b) { co_return (co_await value(a)) + (co_await value(b)); }
task<> thrower() {
  throw std::runtime_error("boom");
  co_return;
}
task<std::unique_ptr<int>> move_only() { co_return std::make_unique<int>(9); }

task<int> nested(int depth) {
  if (depth == 0)
    co_return 0;
  co_return 1 + co_await nested(depth - 1);
}

task<> records_task(task_ref &inner) {
  inner = current_task();
  co_return;
}
task<> awaits_inline(task_ref &outer, task_ref &inner) {
  outer = current_task();
  co_await records_task(inner);
}

TEST(Task, IsLazyUntilAwaited) {
  bool started = false;
  auto body = [](bool &s) -> task<> {
    s = true;
    co_return;
  };
  task<> t = body(started);
  EXPECT_FALSE(started);
  EXPECT_TRUE(t.valid());
  EXPECT_FALSE(t.is_ready());
  run(std::move(t), start_policy::lazy);
  EXPECT_TRUE(started);
}

TEST(Task, AwaitReturnsValue) {
  EXPECT_EQ(run(add(2, 3), start_policy::lazy), 5);
}

TEST(Task, AwaitRethrowsException) {
  auto outer = []() -> task<std::string> {
    try {
      co_await thrower();
    } catch (const std::runtime_error &e) {
      co_return e.what();
    }
    co_return "no exception";
  };
  EXPECT_EQ(run(outer(), start_policy::lazy), "boom");
}

TEST(Task, MoveOnlyResult) {
  auto outer = []() -> task<int> {
    auto p = co_await move_only();
    co_return *p;
  };
  EXPECT_EQ(run(outer(), start_policy::lazy), 9);
}

TEST(Task, DeepInlineAwaitUsesSymmetricTransfer) {
  EXPECT_EQ(run(nested(10000), start_policy::lazy), 10000);
}

TEST(Task, InlineAwaitRunsInTheSameTask) {
  task_ref outer, inner;
  run(awaits_inline(outer, inner), start_policy::eager);
  ASSERT_TRUE(outer);
  EXPECT_EQ(outer, inner);
}

TEST(Task, UnawaitedTaskIsDestroyedWithoutRunning) {
  bool started = false;
  auto body = [](bool &s) -> task<> {
    s = true;
    co_return;
  };
  { task<> t = body(started); }
  EXPECT_FALSE(started);
}

} // namespace
