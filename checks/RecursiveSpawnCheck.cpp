//===- RecursiveSpawnCheck.cpp - eager-recursive-spawn -------------------===//

#include "RecursiveSpawnCheck.h"

namespace eagerlint::tidy {

RecursiveSpawnCheck::RecursiveSpawnCheck(llvm::StringRef Name,
                                         clang::tidy::ClangTidyContext *Context)
    : EagerCheck(Name, Context, analysis::CheckKind::RecursiveSpawn) {}

} // namespace eagerlint::tidy
