// RUN: %check_clang_tidy %s eager-state-after-spawn %t -- -- %real_rt

// A write after a loop is in the window of a spawn inside the loop only if
// the loop can exit right after the spawn. When the loop's condition held
// at the spawn (tested by `if (!cond) return;`, or the loop's own test with
// no suspension since) and neither the loop nor the spawned coroutine's
// prefix writes what it reads, the exit edge cannot be taken before the
// next suspension: a read loop that fails pending calls after it stops was
// reported on real code (docs/accuracy.md, F3).

#include <eagerlint/runtime.hpp>

#include <atomic>
#include <vector>

namespace rt = eagerlint::rt;

rt::task<int> next_message() {
  co_await rt::yield_now();
  co_return 1;
}

struct connection {
  std::atomic<bool> m_running{true};
  std::vector<int> m_pending;
  int m_budget = 3;

  rt::task<> dispatch(int id) {
    if (m_pending.empty())
      co_return;
    m_pending.push_back(id);
    co_await rt::yield_now();
  }

  rt::task<> dispatch_and_stop(int id) {
    if (m_pending.empty())
      m_running.store(false);
    m_pending.push_back(id);
    co_await rt::yield_now();
  }

  rt::task<> read_loop_exit_after_a_guard_is_no_window(rt::event_loop &loop) {
    while (m_running.load()) {
      int id = co_await next_message();
      if (!m_running.load())
        co_return;
      loop.create_task(dispatch(id));
    }
    m_pending.clear();
  }

  rt::task<> prefix_that_clears_the_flag_makes_the_exit_reachable(
      rt::event_loop &loop) {
    while (m_running.load()) {
      // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'm_running' is read after spawning 'connection::dispatch_and_stop', whose prefix writes it{{.*}} [eager-state-after-spawn]
      int id = co_await next_message();
      if (!m_running.load())
        co_return;
      loop.create_task(dispatch_and_stop(id));
    }
    m_pending.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'm_pending' is written after spawning 'connection::dispatch_and_stop', whose prefix reads it{{.*}} [eager-state-after-spawn]
  }

  rt::task<> counted_loop_exits_after_the_spawn(rt::event_loop &loop) {
    while (m_budget > 0) {
      int id = co_await next_message();
      if (!(m_budget > 0))
        co_return;
      --m_budget;
      loop.create_task(dispatch(id));
    }
    m_pending.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'm_pending' is written after spawning 'connection::dispatch', whose prefix reads it{{.*}} [eager-state-after-spawn]
  }

  rt::task<> suspension_after_the_guard_lets_the_flag_change(
      rt::event_loop &loop) {
    while (m_running.load()) {
      if (!m_running.load())
        co_return;
      int id = co_await next_message();
      loop.create_task(dispatch(id));
    }
    m_pending.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'm_pending' is written after spawning 'connection::dispatch', whose prefix reads it{{.*}} [eager-state-after-spawn]
  }
};

int main() {
  rt::event_loop loop;
  connection c;
  loop.run_until_complete(c.read_loop_exit_after_a_guard_is_no_window(loop));
  loop.run_until_complete(
      c.prefix_that_clears_the_flag_makes_the_exit_reachable(loop));
  loop.run_until_complete(c.counted_loop_exits_after_the_spawn(loop));
  loop.run_until_complete(
      c.suspension_after_the_guard_lets_the_flag_change(loop));
}
