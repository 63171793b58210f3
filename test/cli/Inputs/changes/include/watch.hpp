#pragma once
#include <eagerlint/runtime.hpp>

namespace app {

inline int level = 0;

// Its prefix reads 'level'; src/main.cpp writes it right after spawning.
inline eagerlint::rt::task<int> watch() {
  int seen = level;
  co_await eagerlint::rt::yield_now();
  co_return seen;
}

} // namespace app
