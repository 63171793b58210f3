// A profile name verify does not know: one line, exit 2.
// VERIFY-ARGS: --profile asio-1.18
// VERIFY-EXIT: 2
// VERIFY-OUTPUT: eagerlint verify: error: --profile: unknown profile 'asio-1.18' (known:
#include <asio.hpp>

int main() {}
