// (a) Cost of spawning a task and getting its completion, lazy vs eager, for
// a coroutine that finishes without suspending and one that yields once.

#include <eagerlint/runtime.hpp>

#include <benchmark/benchmark.h>

#include <vector>

namespace rt = eagerlint::rt;

namespace {

constexpr int tasks_per_iteration = 1000;

rt::task<int> leaf_sync(int i) { co_return i; }

rt::task<int> leaf_yield(int i) {
  co_await rt::yield_now();
  co_return i;
}

rt::task<long> spawn_batch(bool yield) {
  std::vector<rt::task_handle<int>> handles;
  handles.reserve(tasks_per_iteration);
  for (int i = 0; i < tasks_per_iteration; ++i)
    handles.push_back(rt::create_task(yield ? leaf_yield(i) : leaf_sync(i)));
  long sum = 0;
  for (auto &h : handles)
    sum += co_await h;
  co_return sum;
}

void spawn(benchmark::State &state, rt::start_policy policy, bool yield) {
  rt::event_loop loop(policy);
  for (auto _ : state)
    benchmark::DoNotOptimize(loop.run_until_complete(spawn_batch(yield)));
  state.SetItemsProcessed(state.iterations() * tasks_per_iteration);
  state.counters["ns_per_task"] = benchmark::Counter(
      static_cast<double>(state.iterations() * tasks_per_iteration),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

} // namespace

BENCHMARK_CAPTURE(spawn, sync/lazy, rt::start_policy::lazy, false);
BENCHMARK_CAPTURE(spawn, sync/eager, rt::start_policy::eager, false);
BENCHMARK_CAPTURE(spawn, yield/lazy, rt::start_policy::lazy, true);
BENCHMARK_CAPTURE(spawn, yield/eager, rt::start_policy::eager, true);
