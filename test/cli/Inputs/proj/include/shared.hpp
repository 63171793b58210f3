#pragma once
#include <eagerlint/runtime.hpp>

namespace proj {

// Spawned from a.cpp and from b.cpp: its prefix observes the running task.
inline eagerlint::rt::task<int> tagged_job(int n) {
  auto self = eagerlint::rt::current_task();
  co_await eagerlint::rt::yield_now();
  co_return n + static_cast<int>(self.id());
}

} // namespace proj
