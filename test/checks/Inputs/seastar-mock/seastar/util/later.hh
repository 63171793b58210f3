// Minimal mock of <seastar/util/later.hh> for the seastar-profile tests.
#ifndef EAGERLINT_TEST_MOCK_SEASTAR_LATER_HH
#define EAGERLINT_TEST_MOCK_SEASTAR_LATER_HH

#include <seastar/core/future.hh>

namespace seastar {

/// Always reschedules the caller behind the tasks already queued.
future<> yield() noexcept;
/// Reschedules only when the task quota is used up.
future<> maybe_yield() noexcept;

} // namespace seastar

#endif
