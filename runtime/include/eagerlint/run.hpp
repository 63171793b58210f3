#ifndef EAGERLINT_RT_RUN_HPP
#define EAGERLINT_RT_RUN_HPP

#include <eagerlint/event_loop.hpp>
#include <eagerlint/start_policy.hpp>
#include <eagerlint/task.hpp>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace eagerlint::rt {

/// Name of the environment variable `run(task)` reads.
inline constexpr const char *start_policy_env = "EAGERLINT_START_POLICY";

/// Parses a policy name: "lazy" or "eager"; std::invalid_argument otherwise.
inline start_policy parse_start_policy(std::string_view s) {
  if (s == "lazy")
    return start_policy::lazy;
  if (s == "eager")
    return start_policy::eager;
  throw std::invalid_argument(std::string(start_policy_env) +
                              " must be 'lazy' or 'eager', got '" +
                              std::string(s) + "'");
}

/// EAGERLINT_START_POLICY: unset or empty -> lazy, "lazy", "eager";
/// anything else throws std::invalid_argument.
inline start_policy policy_from_env() {
  const char *v = std::getenv(start_policy_env);
  if (!v || !*v)
    return start_policy::lazy;
  return parse_start_policy(v);
}

/// asyncio.run: a fresh loop with `policy`, runs `main` to completion, closes
/// the loop (cancelling what is left, reporting unretrieved exceptions).
template <class T> T run(task<T> main, start_policy policy) {
  event_loop loop(policy);
  return loop.run_until_complete(std::move(main));
}

/// run() with the policy from EAGERLINT_START_POLICY. A bad value prints one
/// line to stderr and exits with status 2.
template <class T> T run(task<T> main) {
  start_policy policy;
  try {
    policy = policy_from_env();
  } catch (const std::invalid_argument &e) {
    std::fprintf(stderr, "eagerlint: %s\n", e.what());
    std::fflush(stderr);
    std::exit(2);
  }
  return run(std::move(main), policy);
}

} // namespace eagerlint::rt

#endif
