#ifndef EAGERLINT_RT_ERRORS_HPP
#define EAGERLINT_RT_ERRORS_HPP

#include <cstddef>
#include <stdexcept>
#include <string>

namespace eagerlint::rt {

/// Thrown from the suspension point of a cancelled task (asyncio.CancelledError).
class cancelled_error : public std::runtime_error {
public:
  cancelled_error() : std::runtime_error("task was cancelled") {}
};

/// What a `timeout(...)` turns its deadline cancellation into (TimeoutError).
class timeout_error : public std::runtime_error {
public:
  timeout_error() : std::runtime_error("timeout expired") {}
};

/// Thrown by an eager `create_task` that would nest deeper than the loop's
/// `max_eager_depth()`: a coroutine that eagerly spawns itself (directly or
/// through a cycle) before its first suspension would otherwise overflow the
/// C++ stack.
class eager_recursion_error : public std::runtime_error {
public:
  explicit eager_recursion_error(std::size_t depth)
      : std::runtime_error(
            "eager create_task nested " + std::to_string(depth) +
            " deep, over the loop's max_eager_depth: a coroutine spawns "
            "itself before its first suspension (insert "
            "'co_await eagerlint::rt::yield_now();' as its first statement)"),
        m_depth(depth) {}

  /// The nesting depth the refused create_task would have reached.
  std::size_t depth() const noexcept { return m_depth; }

private:
  std::size_t m_depth;
};

} // namespace eagerlint::rt

#endif
