//===- EagerTidyModule.cpp - The eager-* clang-tidy module ----------------===//

#include "CancelBeforeStartCheck.h"
#include "CurrentTaskInPrefixCheck.h"
#include "DoneAfterSpawnCheck.h"
#include "RecursiveSpawnCheck.h"
#include "StateAfterSpawnCheck.h"
#include "TimeoutInPrefixCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace eagerlint::tidy {

class EagerTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &CheckFactories) override {
#define EAGERLINT_CHECK(KIND, NAME, CLASS, SHORT, FULL, FIX)                   \
  CheckFactories.registerCheck<CLASS>(NAME);
#include "eagerlint/analysis/Checks.def"
  }
};

namespace {
clang::tidy::ClangTidyModuleRegistry::Add<EagerTidyModule>
    X("eager-module", "Checks for code that relies on lazily started tasks.");
} // namespace

} // namespace eagerlint::tidy

// A tool that links the checks statically references this anchor so the
// linker keeps the module's registration (as clang-tidy's own modules do).
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int EagerTidyModuleAnchorSource = 0;
