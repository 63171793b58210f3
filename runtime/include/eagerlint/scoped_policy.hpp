#ifndef EAGERLINT_RT_SCOPED_POLICY_HPP
#define EAGERLINT_RT_SCOPED_POLICY_HPP

#include <eagerlint/event_loop.hpp>
#include <eagerlint/start_policy.hpp>

namespace eagerlint::rt {

/// RAII: switches a loop's default start policy for a scope (the
/// temporary-eager context manager pattern), restoring it on exit.
class [[nodiscard]] scoped_policy {
public:
  /// On the running loop; std::logic_error if none.
  explicit scoped_policy(start_policy p) : scoped_policy(get_running_loop(), p) {}
  scoped_policy(event_loop &loop, start_policy p) noexcept
      : m_loop(&loop), m_previous(loop.policy()) {
    loop.set_policy(p);
  }
  scoped_policy(const scoped_policy &) = delete;
  scoped_policy &operator=(const scoped_policy &) = delete;
  ~scoped_policy() { m_loop->set_policy(m_previous); }

  start_policy previous() const noexcept { return m_previous; }

private:
  event_loop *m_loop;
  start_policy m_previous;
};

} // namespace eagerlint::rt

#endif
