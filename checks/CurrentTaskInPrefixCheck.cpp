//===- CurrentTaskInPrefixCheck.cpp - eager-current-task-in-prefix -------===//

#include "CurrentTaskInPrefixCheck.h"

namespace eagerlint::tidy {

CurrentTaskInPrefixCheck::CurrentTaskInPrefixCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : EagerCheck(Name, Context, analysis::CheckKind::CurrentTaskInPrefix) {}

} // namespace eagerlint::tidy
