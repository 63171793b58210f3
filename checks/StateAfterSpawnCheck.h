//===- StateAfterSpawnCheck.h - eager-state-after-spawn ------*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_STATEAFTERSPAWNCHECK_H
#define EAGERLINT_CHECKS_STATEAFTERSPAWNCHECK_H

#include "EagerCheckBase.h"

namespace eagerlint::tidy {

/// Flags state the spawner touches after a spawn and before its next
/// suspension point that the spawned coroutine's prefix also touches, one of
/// them writing it: an eager task runs its prefix before the spawner's write.
///
/// For the user-facing documentation see
/// docs/checks/eager-state-after-spawn.md.
class StateAfterSpawnCheck : public EagerCheck {
public:
  StateAfterSpawnCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
};

} // namespace eagerlint::tidy

#endif
