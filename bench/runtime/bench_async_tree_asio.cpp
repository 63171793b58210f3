// (c) The same async_tree on Asio: asio::awaitable, co_spawn on an
// io_context. gather = co_spawn each child with a completion handler that
// counts down, the parent waiting on a steady_timer that the last child
// cancels (Asio 1.22 has no ranged parallel_group). Asio >= 1.19 co_spawn
// dispatches: called from a coroutine on the same io_context, the child runs
// inline until it suspends; its completion handler is then posted.

#include "async_tree.hpp"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <asio/redirect_error.hpp>
#include <asio/steady_timer.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <exception>

using eagerlint::bench::tree_state;
using eagerlint::bench::tree_variant;

namespace {

asio::awaitable<void> workload(tree_state &s) {
  if (s.leaf_needs_io()) {
    // The io call: a timer that is already due (the reference runtime's
    // virtual clock does not wait either), still a real suspension through
    // the io_context's timer queue.
    asio::steady_timer timer(co_await asio::this_coro::executor,
                             std::chrono::steady_clock::duration::zero());
    co_await timer.async_wait(asio::use_awaitable);
  }
}

asio::awaitable<void> recurse_with_gather(tree_state &s, int level) {
  if (level == 0) {
    co_await workload(s);
    co_return;
  }
  auto ex = co_await asio::this_coro::executor;
  std::size_t pending = eagerlint::bench::recurse_branches;
  asio::steady_timer all_done(ex, asio::steady_timer::time_point::max());
  for (int i = 0; i < eagerlint::bench::recurse_branches; ++i)
    asio::co_spawn(ex, recurse_with_gather(s, level - 1),
                   [&pending, &all_done](std::exception_ptr e) {
                     if (e)
                       std::rethrow_exception(e);
                     if (--pending == 0)
                       all_done.cancel();
                   });
  if (pending > 0) {
    asio::error_code ec; // operation_aborted: the last child finished
    co_await all_done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

void async_tree_asio(benchmark::State &state, tree_variant variant) {
  tree_state s(variant);
  asio::io_context ctx(1);
  for (auto _ : state) {
    asio::co_spawn(ctx, recurse_with_gather(s, eagerlint::bench::recurse_levels),
                   asio::detached);
    ctx.run();
    ctx.restart();
  }
  state.SetItemsProcessed(state.iterations() * eagerlint::bench::tree_size());
}

asio::awaitable<int> leaf_sync(int i) { co_return i; }

asio::awaitable<long> spawn_batch() {
  auto ex = co_await asio::this_coro::executor;
  constexpr int n = 1000;
  long sum = 0;
  int pending = n;
  asio::steady_timer all_done(ex, asio::steady_timer::time_point::max());
  for (int i = 0; i < n; ++i)
    asio::co_spawn(ex, leaf_sync(i),
                   [&](std::exception_ptr, int v) {
                     sum += v;
                     if (--pending == 0)
                       all_done.cancel();
                   });
  if (pending > 0) {
    asio::error_code ec;
    co_await all_done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  co_return sum;
}

void spawn_asio(benchmark::State &state) {
  asio::io_context ctx(1);
  for (auto _ : state) {
    asio::co_spawn(ctx, spawn_batch(), asio::detached);
    ctx.run();
    ctx.restart();
  }
  state.SetItemsProcessed(state.iterations() * 1000);
  state.counters["ns_per_task"] = benchmark::Counter(
      static_cast<double>(state.iterations() * 1000),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

} // namespace

BENCHMARK(spawn_asio)->Name("spawn/sync/asio");
BENCHMARK_CAPTURE(async_tree_asio, none/asio, tree_variant::none)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(async_tree_asio, memoization/asio, tree_variant::memoization)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(async_tree_asio, io/asio, tree_variant::io)->Unit(benchmark::kMillisecond);
