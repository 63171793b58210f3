//===- EagerCheckBase.h - Shared base of the eager-* checks -----*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_EAGERCHECKBASE_H
#define EAGERLINT_CHECKS_EAGERCHECKBASE_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "eagerlint/analysis/Model.h"
#include "eagerlint/analysis/Profile.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>

namespace eagerlint::tidy {

class SharedAnalysis;

/// Reads the options every eager-* check shares (design §4), builds the
/// analysis profile and reports the findings of one check kind. All enabled
/// eager-* checks of a translation unit with the same configuration share one
/// analysis::Analyzer, so the translation unit is analysed once.
class EagerCheck : public clang::tidy::ClangTidyCheck {
public:
  EagerCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
             analysis::CheckKind Kind);
  ~EagerCheck() override;

  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<clang::TraversalKind> getCheckTraversalKind() const override {
    return clang::TK_AsIs;
  }
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  const analysis::CheckKind Kind;
  const std::string ProfileName;
  const std::string SpawnFunctions;
  const std::string CancelFunctions;
  const std::string StateQueryFunctions;
  const std::string TimeoutFunctions;
  const std::string AmbientTaskFunctions;
  const std::string NeverSuspendingAwaitables;
  const std::optional<std::string> YieldStatementOption;
  const std::optional<std::string> YieldHeaderOption;
  /// The profile with the options applied; empty when `Profile` names no
  /// known profile, in which case the check reports nothing.
  std::optional<analysis::Profile> Profile;
  clang::tidy::utils::IncludeInserter Inserter;
  std::shared_ptr<SharedAnalysis> Shared;
};

/// Project-wide mode for the eagerlint CLI (design §5): once set, the prefix
/// checks also judge coroutines that are not spawned in the translation unit
/// being analysed, and keep such a finding only if \p SpawnedUSRs (collected
/// by a first pass with analysis::Analyzer::spawnedCoroutineUSRs) holds the
/// coroutine. Pass null to return to per-translation-unit mode. Set it before
/// the analysis threads start; it is read, never written, while they run.
void setProjectSpawnedCoroutines(
    std::shared_ptr<const llvm::StringSet<>> SpawnedUSRs);

} // namespace eagerlint::tidy

#endif
