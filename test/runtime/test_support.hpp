#ifndef EAGERLINT_TEST_RUNTIME_SUPPORT_HPP
#define EAGERLINT_TEST_RUNTIME_SUPPORT_HPP

#include <eagerlint/runtime.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eagerlint::rt::testing {

/// Ordered record of what a program did; compared as one string.
struct event_log {
  std::vector<std::string> lines;
  void operator()(std::string s) { lines.push_back(std::move(s)); }
  std::string str() const {
    std::string out;
    for (const auto &l : lines) {
      if (!out.empty())
        out += ' ';
      out += l;
    }
    return out;
  }
};

/// Base of every test that runs one body under both policies.
class both_policies : public ::testing::TestWithParam<start_policy> {
protected:
  start_policy policy() const { return GetParam(); }
  bool eager() const { return GetParam() == start_policy::eager; }
};

inline std::string policy_name(
    const ::testing::TestParamInfo<start_policy> &info) {
  return std::string(to_string(info.param));
}

} // namespace eagerlint::rt::testing

#define EAGERLINT_BOTH_POLICIES(fixture)                                       \
  INSTANTIATE_TEST_SUITE_P(                                                    \
      BothPolicies, fixture,                                                   \
      ::testing::Values(::eagerlint::rt::start_policy::lazy,                   \
                        ::eagerlint::rt::start_policy::eager),                 \
      ::eagerlint::rt::testing::policy_name)

#endif
