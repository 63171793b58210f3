//===- verify_main.cpp - `eagerlint verify` without the rest of the CLI ---===//
// Used by the end-to-end suite only while the eagerlint CLI is not built.
#include "Verify.h"

int main(int Argc, const char **Argv) {
  return eagerlint::runVerify(Argc - 1, Argv + 1);
}
