//===- Rules.h - What each eager-* check is about ---------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_RULES_H
#define EAGERLINT_TOOL_RULES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace eagerlint::cli {

/// The description of one check, as SARIF rules and `--help` show it.
struct Rule {
  llvm::StringRef Id;    ///< "eager-cancel-before-start"
  llvm::StringRef Name;  ///< "CancelBeforeStart"
  llvm::StringRef Short; ///< One sentence.
  llvm::StringRef Full;  ///< What differs between lazy and eager start.
  llvm::StringRef Fix;   ///< What the fix-it does.
};

/// Every check, in the order of Checks.def.
llvm::ArrayRef<Rule> rules();
/// The rule \p Id, or null.
const Rule *findRule(llvm::StringRef Id);

} // namespace eagerlint::cli

#endif
