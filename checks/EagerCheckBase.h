//===- EagerCheckBase.h - Shared base of the eager-* checks -----*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_EAGERCHECKBASE_H
#define EAGERLINT_CHECKS_EAGERCHECKBASE_H

#include "FactsSink.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "eagerlint/analysis/Model.h"
#include "eagerlint/analysis/Profile.h"
#include <memory>
#include <optional>
#include <string>

namespace eagerlint::tidy {

class SharedAnalysis;

/// Reads the options every eager-* check shares (Options.def), builds the
/// analysis profile and reports the findings of one check kind. All enabled
/// eager-* checks of a translation unit with the same configuration share one
/// analysis::Analyzer, so the translation unit is analysed once; when a
/// FactsSink is registered, that analysis also feeds it.
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
  analysis::ProfileOptions readOptions() const;

  const analysis::CheckKind Kind;
  /// The options as set (Options.def), stored back by storeOptions.
  const analysis::ProfileOptions Configured;
  /// The profile with the options applied; empty when the options are
  /// invalid (an unknown profile or value), in which case the check reports
  /// nothing.
  std::optional<analysis::Profile> Profile;
  clang::tidy::utils::IncludeInserter Inserter;
  /// Where the analysis hands its project-wide facts (the CLI), or null.
  FactsSink *const Sink;
  std::shared_ptr<SharedAnalysis> Shared;
};

} // namespace eagerlint::tidy

#endif
