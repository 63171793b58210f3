// Does not compile: verify exits 2 and shows the compiler's message.
// VERIFY-EXIT: 2
// VERIFY-OUTPUT: cannot build
// VERIFY-OUTPUT: error: use of undeclared identifier 'undeclared_task'
#include <eagerlint/runtime.hpp>

int main() { eagerlint::rt::run(undeclared_task()); }
