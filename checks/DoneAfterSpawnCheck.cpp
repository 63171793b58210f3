//===- DoneAfterSpawnCheck.cpp - eager-done-after-spawn ------------------===//

#include "DoneAfterSpawnCheck.h"

namespace eagerlint::tidy {

DoneAfterSpawnCheck::DoneAfterSpawnCheck(llvm::StringRef Name,
                                         clang::tidy::ClangTidyContext *Context)
    : EagerCheck(Name, Context, analysis::CheckKind::DoneAfterSpawn) {}

} // namespace eagerlint::tidy
