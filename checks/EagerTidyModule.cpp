//===- EagerTidyModule.cpp - The eager-* clang-tidy module ----------------===//

#include "CancelBeforeStartCheck.h"
#include "CurrentTaskInPrefixCheck.h"
#include "DoneAfterSpawnCheck.h"
#include "HostVersion.h"
#include "RecursiveSpawnCheck.h"
#include "StateAfterSpawnCheck.h"
#include "TimeoutInPrefixCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

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
// Registered only in a clang-tidy of the major version the checks were built
// against: in another one the module would crash the host on first use.
[[maybe_unused]] const bool Registered = [] {
  if (!hostMatchesBuild())
    return false;
  static clang::tidy::ClangTidyModuleRegistry::Add<EagerTidyModule> X(
      "eager-module", "Checks for code that relies on lazily started tasks.");
  llvm::cl::AddExtraVersionPrinter(
      [](llvm::raw_ostream &OS) { OS << pluginVersionLine() << "\n"; });
  return true;
}();
} // namespace

} // namespace eagerlint::tidy

// A tool that links the checks statically references this anchor so the
// linker keeps the module's registration (as clang-tidy's own modules do).
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int EagerTidyModuleAnchorSource = 0;
