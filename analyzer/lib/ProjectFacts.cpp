//===- ProjectFacts.cpp ---------------------------------------------------===//
#include "eagerlint/analysis/ProjectFacts.h"

namespace eagerlint::analysis {

TUFacts *&currentTUFacts() {
  thread_local TUFacts *Facts = nullptr;
  return Facts;
}

} // namespace eagerlint::analysis
