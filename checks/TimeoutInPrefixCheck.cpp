//===- TimeoutInPrefixCheck.cpp - eager-timeout-in-prefix ----------------===//

#include "TimeoutInPrefixCheck.h"

namespace eagerlint::tidy {

TimeoutInPrefixCheck::TimeoutInPrefixCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : EagerCheck(Name, Context, analysis::CheckKind::TimeoutInPrefix) {}

} // namespace eagerlint::tidy
