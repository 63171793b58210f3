// run() and EAGERLINT_START_POLICY.

#include "test_support.hpp"

#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>

using namespace eagerlint::rt;

namespace {

/// Sets (or unsets) the variable for one test, restoring it afterwards.
class env_guard {
public:
  explicit env_guard(const char *value) {
    if (const char *old = std::getenv(start_policy_env))
      m_old = old;
    if (value)
      ::setenv(start_policy_env, value, 1);
    else
      ::unsetenv(start_policy_env);
  }
  ~env_guard() {
    if (m_old)
      ::setenv(start_policy_env, m_old->c_str(), 1);
    else
      ::unsetenv(start_policy_env);
  }

private:
  std::optional<std::string> m_old;
};

task<int> quick() { co_return 1; }

/// Which policy the loop that run() made uses, seen from inside.
task<std::string> observed_policy() {
  auto h = create_task(quick());
  co_return h.done() ? "eager" : "lazy";
}

TEST(RunEnv, Lazy) {
  env_guard g("lazy");
  EXPECT_EQ(policy_from_env(), start_policy::lazy);
  EXPECT_EQ(run(observed_policy()), "lazy");
}

TEST(RunEnv, Eager) {
  env_guard g("eager");
  EXPECT_EQ(policy_from_env(), start_policy::eager);
  EXPECT_EQ(run(observed_policy()), "eager");
}

TEST(RunEnv, UnsetMeansLazy) {
  env_guard g(nullptr);
  EXPECT_EQ(policy_from_env(), start_policy::lazy);
  EXPECT_EQ(run(observed_policy()), "lazy");
}

TEST(RunEnv, BadValueThrowsFromPolicyFromEnv) {
  env_guard g("xyz");
  try {
    policy_from_env();
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument &e) {
    EXPECT_STREQ(e.what(),
                 "EAGERLINT_START_POLICY must be 'lazy' or 'eager', got 'xyz'");
  }
}

TEST(RunEnv, ExplicitPolicyIgnoresTheEnvironment) {
  env_guard g("xyz");
  EXPECT_EQ(run(observed_policy(), start_policy::eager), "eager");
}

TEST(RunEnvDeathTest, BadValueMakesRunPrintOneLineAndExit2) {
  env_guard g("xyz");
  EXPECT_EXIT(run(quick()), ::testing::ExitedWithCode(2),
              "^eagerlint: EAGERLINT_START_POLICY must be 'lazy' or 'eager', "
              "got 'xyz'\n$");
}

} // namespace
