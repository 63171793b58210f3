// A handle whose result is taken right after the spawn: lazily started the
// task is not done and result() throws logic_error (caught); eagerly started
// it is done and holds an exception nobody expects, which escapes main.
// VERIFY-EXIT: 1
// VERIFY-OUTPUT: exit status 0
// VERIFY-OUTPUT: killed by signal
#include <eagerlint/runtime.hpp>

#include <iostream>
#include <stdexcept>

namespace rt = eagerlint::rt;

rt::task<int> parse(int v) {
  if (v < 0)
    throw std::domain_error("negative");
  co_return v;
}

rt::task<> start() {
  auto h = rt::create_task(parse(-1));
  try {
    int value = h.result();
    std::cout << "value " << value << "\n";
  } catch (const std::logic_error &e) {
    if (h.done())
      throw std::runtime_error("unexpected failure");
    std::cout << "not done yet\n";
  }
  co_await rt::yield_now();
  h.cancel();
  std::cout << "finished\n";
}

int main() {
  try {
    rt::run(start());
  } catch (const std::runtime_error &) {
    std::abort();
  }
}
