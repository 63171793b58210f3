//===- TimeoutInPrefixCheck.h - eager-timeout-in-prefix ------*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_TIMEOUTINPREFIXCHECK_H
#define EAGERLINT_CHECKS_TIMEOUTINPREFIXCHECK_H

#include "EagerCheckBase.h"

namespace eagerlint::tidy {

/// Flags a timeout or cancel scope entered in the prefix of a spawned
/// coroutine: under eager start it binds to the creator's task, not the new
/// one.
///
/// For the user-facing documentation see
/// docs/checks/eager-timeout-in-prefix.md.
class TimeoutInPrefixCheck : public EagerCheck {
public:
  TimeoutInPrefixCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
};

} // namespace eagerlint::tidy

#endif
