#include <eagerlint/runtime.hpp>

eagerlint::rt::task<void> oops() {
  undeclared_thing();
  co_return;
}
