#ifndef EAGERLINT_RT_START_POLICY_HPP
#define EAGERLINT_RT_START_POLICY_HPP

#include <string_view>

namespace eagerlint::rt {

/// How `create_task` starts a coroutine: queued for a later iteration (lazy,
/// asyncio's default) or run at once on the caller's stack until it first
/// suspends (eager, asyncio's eager_task_factory).
enum class start_policy { lazy, eager };

/// "lazy" or "eager".
constexpr std::string_view to_string(start_policy p) noexcept {
  return p == start_policy::eager ? "eager" : "lazy";
}

} // namespace eagerlint::rt

#endif
