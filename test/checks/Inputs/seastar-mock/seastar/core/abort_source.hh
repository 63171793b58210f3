// Minimal mock of <seastar/core/abort_source.hh> for the seastar-profile
// tests.
#ifndef EAGERLINT_TEST_MOCK_SEASTAR_ABORT_SOURCE_HH
#define EAGERLINT_TEST_MOCK_SEASTAR_ABORT_SOURCE_HH

namespace seastar {

class abort_source {
public:
  void request_abort() noexcept {}
  bool abort_requested() const noexcept { return false; }
  void check() const {}
};

} // namespace seastar

#endif
