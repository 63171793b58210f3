//===- DoneAfterSpawnCheck.h - eager-done-after-spawn --------*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_DONEAFTERSPAWNCHECK_H
#define EAGERLINT_CHECKS_DONEAFTERSPAWNCHECK_H

#include "EagerCheckBase.h"

namespace eagerlint::tidy {

/// Flags done(), cancelled() or result() on a spawned task's handle before the
/// spawner's next suspension point: a lazy task is never done there, an eager
/// one may be.
///
/// For the user-facing documentation see docs/checks/eager-done-after-spawn.md.
class DoneAfterSpawnCheck : public EagerCheck {
public:
  DoneAfterSpawnCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);
};

} // namespace eagerlint::tidy

#endif
