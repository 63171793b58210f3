//===- StateAfterSpawnCheck.cpp - eager-state-after-spawn ----------------===//

#include "StateAfterSpawnCheck.h"

namespace eagerlint::tidy {

StateAfterSpawnCheck::StateAfterSpawnCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : EagerCheck(Name, Context, analysis::CheckKind::StateAfterSpawn) {}

} // namespace eagerlint::tidy
