//===- CancelBeforeStartCheck.cpp - eager-cancel-before-start ------------===//

#include "CancelBeforeStartCheck.h"

namespace eagerlint::tidy {

CancelBeforeStartCheck::CancelBeforeStartCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : EagerCheck(Name, Context, analysis::CheckKind::CancelBeforeStart) {}

} // namespace eagerlint::tidy
