//===- Rules.cpp - What each eager-* check is about -----------------------===//
#include "Rules.h"
#include "llvm/ADT/STLExtras.h"

namespace eagerlint::cli {

static const Rule Rules[] = {
#define EAGERLINT_CHECK(KIND, NAME, CLASS, SHORT, FULL, FIX)                   \
  {NAME, #KIND, SHORT, FULL, FIX},
#include "eagerlint/analysis/Checks.def"
};

llvm::ArrayRef<Rule> rules() { return Rules; }

const Rule *findRule(llvm::StringRef Id) {
  for (const Rule &R : Rules)
    if (R.Id == Id)
      return &R;
  return nullptr;
}

} // namespace eagerlint::cli
