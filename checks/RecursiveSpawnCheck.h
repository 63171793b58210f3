//===- RecursiveSpawnCheck.h - eager-recursive-spawn ---------*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_RECURSIVESPAWNCHECK_H
#define EAGERLINT_CHECKS_RECURSIVESPAWNCHECK_H

#include "EagerCheckBase.h"

namespace eagerlint::tidy {

/// Flags a coroutine whose prefix spawns itself, directly or through a cycle:
/// under eager start every spawn recurses on the C++ stack.
///
/// For the user-facing documentation see docs/checks/eager-recursive-spawn.md.
class RecursiveSpawnCheck : public EagerCheck {
public:
  RecursiveSpawnCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);
};

} // namespace eagerlint::tidy

#endif
