//===- CancelBeforeStartCheck.h - eager-cancel-before-start --*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_CANCELBEFORESTARTCHECK_H
#define EAGERLINT_CHECKS_CANCELBEFORESTARTCHECK_H

#include "EagerCheckBase.h"

namespace eagerlint::tidy {

/// Flags a spawned task's handle cancelled before the spawner's next
/// suspension point: a lazy task never runs, an eager one already ran its
/// prefix.
///
/// For the user-facing documentation see
/// docs/checks/eager-cancel-before-start.md.
class CancelBeforeStartCheck : public EagerCheck {
public:
  CancelBeforeStartCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
};

} // namespace eagerlint::tidy

#endif
