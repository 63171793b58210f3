//===- CurrentTaskInPrefixCheck.h - eager-current-task-in-prefix -*- C++
//-*-===//
#ifndef EAGERLINT_CHECKS_CURRENTTASKINPREFIXCHECK_H
#define EAGERLINT_CHECKS_CURRENTTASKINPREFIXCHECK_H

#include "EagerCheckBase.h"

namespace eagerlint::tidy {

/// Flags current_task() (or another ambient-task API) in the prefix of a
/// spawned coroutine: under eager start it names the creator's task.
///
/// For the user-facing documentation see
/// docs/checks/eager-current-task-in-prefix.md.
class CurrentTaskInPrefixCheck : public EagerCheck {
public:
  CurrentTaskInPrefixCheck(llvm::StringRef Name,
                           clang::tidy::ClangTidyContext *Context);
};

} // namespace eagerlint::tidy

#endif
