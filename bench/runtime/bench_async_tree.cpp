// (b) pyperformance's async_tree on the reference runtime, lazy vs eager.

#include "async_tree.hpp"

#include <eagerlint/runtime.hpp>

#include <benchmark/benchmark.h>

#include <vector>

namespace rt = eagerlint::rt;
using eagerlint::bench::tree_state;
using eagerlint::bench::tree_variant;

namespace {

rt::task<> workload(tree_state &s) {
  if (s.leaf_needs_io())
    co_await rt::sleep(eagerlint::bench::io_sleep_time); // virtual clock
}

rt::task<> recurse_with_gather(tree_state &s, int level) {
  if (level == 0) {
    co_await workload(s);
    co_return;
  }
  std::vector<rt::task<>> children;
  children.reserve(eagerlint::bench::recurse_branches);
  for (int i = 0; i < eagerlint::bench::recurse_branches; ++i)
    children.push_back(recurse_with_gather(s, level - 1));
  co_await rt::gather(std::move(children)); // spawned with the loop's policy
}

void async_tree(benchmark::State &state, tree_variant variant,
                rt::start_policy policy) {
  tree_state s(variant);
  rt::event_loop loop(policy);
  for (auto _ : state)
    loop.run_until_complete(
        recurse_with_gather(s, eagerlint::bench::recurse_levels));
  state.SetItemsProcessed(state.iterations() * eagerlint::bench::tree_size());
  state.counters["tasks_scheduled_per_run"] =
      static_cast<double>(loop.tasks_scheduled()) /
      static_cast<double>(state.iterations());
}

} // namespace

BENCHMARK_CAPTURE(async_tree, none/lazy, tree_variant::none, rt::start_policy::lazy)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(async_tree, none/eager, tree_variant::none, rt::start_policy::eager)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(async_tree, memoization/lazy, tree_variant::memoization, rt::start_policy::lazy)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(async_tree, memoization/eager, tree_variant::memoization, rt::start_policy::eager)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(async_tree, io/lazy, tree_variant::io, rt::start_policy::lazy)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(async_tree, io/eager, tree_variant::io, rt::start_policy::eager)->Unit(benchmark::kMillisecond);
