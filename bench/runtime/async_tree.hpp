#ifndef EAGERLINT_BENCH_ASYNC_TREE_HPP
#define EAGERLINT_BENCH_ASYNC_TREE_HPP

// Shared shape of the C++ port of pyperformance's bm_async_tree: a tree of
// gather() calls, NUM_RECURSE_LEVELS deep with NUM_RECURSE_BRANCHES children
// per node; the leaves run the variant's workload.

#include <array>
#include <chrono>
#include <random>

namespace eagerlint::bench {

inline constexpr int recurse_levels = 6;
inline constexpr int recurse_branches = 6;
inline constexpr int memoizable_percentage = 90;
inline constexpr std::chrono::milliseconds io_sleep_time{50};

enum class tree_variant { none, io, memoization };

/// The AsyncTree object: its cache survives across runs (as pyperf reuses the
/// instance), so memoization hits for 90% of the leaves once warm.
struct tree_state {
  explicit tree_state(tree_variant v) : variant(v) {}
  tree_variant variant;
  std::mt19937 rng{0};
  std::uniform_int_distribution<int> dist{1, 100};
  std::array<bool, 101> cache{};
  long leaves = 0;

  /// true: the leaf must do the (mock) io call.
  bool leaf_needs_io() {
    ++leaves;
    if (variant == tree_variant::none)
      return false;
    if (variant == tree_variant::io)
      return true;
    int data = dist(rng);
    if (data <= memoizable_percentage) {
      if (cache[data])
        return false;
      cache[data] = true;
    }
    return true;
  }
};

inline long tree_size() {
  long nodes = 0, level = 1;
  for (int i = 0; i <= recurse_levels; ++i, level *= recurse_branches)
    nodes += level;
  return nodes;
}

} // namespace eagerlint::bench

#endif
