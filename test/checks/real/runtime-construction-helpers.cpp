// RUN: %check_clang_tidy %s eager-state-after-spawn %t -- -- %real_rt

// `std::make_unique<T>(a...)` and `emplace_back(a...)` take their arguments
// by forwarding reference; what happens to them is what T's constructor
// does. A member handed to a constructor that takes it by value or by const
// reference is read, not written (docs/accuracy.md: a member passed to a
// service's constructor through make_unique was reported as written). A
// constructor that takes it by non-const reference and is not visible may
// write it.

#include <eagerlint/runtime.hpp>

#include <memory>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;

struct options {
  int port = 0;
  std::string name;
};

// Defined in another translation unit.
struct copies_options {
  copies_options(int id, bool locking, options opts);
};
struct keeps_options {
  keeps_options(const options &opts);
};
struct adjusts_options {
  explicit adjusts_options(options &opts);
};

struct server {
  options m_options;
  bool m_locking = false;
  std::unique_ptr<copies_options> m_copy;
  std::unique_ptr<adjusts_options> m_adjust;
  std::vector<keeps_options> m_views;

  rt::task<> serve() {
    if (m_options.port == 0 || m_locking)
      co_return;
    co_await rt::yield_now();
  }

  rt::task<> make_unique_with_by_value_parameters_reads(rt::event_loop &loop) {
    loop.create_task(serve());
    m_copy = std::make_unique<copies_options>(1, m_locking, m_options);
    co_await rt::yield_now();
  }

  rt::task<> emplace_back_with_const_reference_reads(rt::event_loop &loop) {
    loop.create_task(serve());
    m_views.emplace_back(m_options);
    co_await rt::yield_now();
  }

  rt::task<> make_unique_with_non_const_reference_may_write(
      rt::event_loop &loop) {
    loop.create_task(serve());
    m_adjust = std::make_unique<adjusts_options>(m_options);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'm_options' is written after spawning 'server::serve', whose prefix reads it{{.*}} [eager-state-after-spawn]
    co_await rt::yield_now();
  }
};

int main() {
  rt::event_loop loop;
  server s;
  loop.run_until_complete(s.make_unique_with_by_value_parameters_reads(loop));
  loop.run_until_complete(s.emplace_back_with_const_reference_reads(loop));
  loop.run_until_complete(
      s.make_unique_with_non_const_reference_may_write(loop));
}
