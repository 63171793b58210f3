//===- EagerCheckBase.cpp - Shared base of the eager-* checks -------------===//

#include "EagerCheckBase.h"
#include "eagerlint/analysis/Analyzer.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <vector>

using namespace clang;
using namespace clang::ast_matchers;

namespace eagerlint::tidy {

/// The analysis of one translation unit shared by the enabled eager-* checks
/// that have the same configuration.
class SharedAnalysis {
public:
  SharedAnalysis(const SourceManager *SM, std::string Key,
                 analysis::Profile Profile, FactsSink *Sink)
      : SM(SM), Key(std::move(Key)), Profile(std::move(Profile)), Sink(Sink) {}

  bool serves(const SourceManager *OtherSM, llvm::StringRef OtherKey) const {
    return SM == OtherSM && Key == OtherKey;
  }

  void enable(analysis::CheckKind Kind) {
    if (!llvm::is_contained(Enabled, Kind))
      Enabled.push_back(Kind);
  }

  /// The findings of every enabled kind, computed on the first call.
  llvm::ArrayRef<analysis::Finding> findings(ASTContext &Ctx);

  /// Whether the \p Index-th finding carries the header insertion of its
  /// file: only the first fix in each file does, whichever check reports it,
  /// as two checks inserting the same #include would insert it twice.
  bool carriesInclude(size_t Index) const { return CarriesInclude[Index]; }

private:
  void reportFacts() const;

  const SourceManager *SM;
  std::string Key;
  analysis::Profile Profile;
  FactsSink *Sink;
  llvm::SmallVector<analysis::CheckKind, analysis::NumCheckKinds> Enabled;
  std::unique_ptr<analysis::Analyzer> Analyzer;
  std::vector<analysis::Finding> Findings;
  std::vector<bool> CarriesInclude;
};

namespace {

// Checks are created per translation unit and per thread, so the analyses of
// the translation unit being checked on this thread are found here.
thread_local std::vector<std::weak_ptr<SharedAnalysis>> LiveAnalyses;

std::shared_ptr<SharedAnalysis> joinAnalysis(const SourceManager *SM,
                                             const analysis::Profile &P,
                                             FactsSink *Sink,
                                             analysis::CheckKind Kind) {
  // Everything that changes the findings distinguishes one analysis from
  // another, so checks configured alike share one.
  std::string Key = P.fingerprint();

  llvm::erase_if(LiveAnalyses, [](const std::weak_ptr<SharedAnalysis> &W) {
    return W.expired();
  });
  std::shared_ptr<SharedAnalysis> Found;
  for (const auto &W : LiveAnalyses) {
    auto S = W.lock();
    if (S && S->serves(SM, Key)) {
      Found = std::move(S);
      break;
    }
  }
  if (!Found) {
    Found = std::make_shared<SharedAnalysis>(SM, std::move(Key), P, Sink);
    LiveAnalyses.push_back(Found);
  }
  Found->enable(Kind);
  return Found;
}

/// The profile \p O configures; on an invalid option, a configuration error
/// of \p Check that says the check is disabled.
std::optional<analysis::Profile>
buildProfile(const analysis::ProfileOptions &O,
             clang::tidy::ClangTidyCheck &Check, StringRef Name) {
  llvm::Expected<analysis::Profile> P = analysis::Profile::configured(O);
  if (P)
    return std::move(*P);
  std::string Why = llvm::toString(P.takeError());
  if (llvm::Expected<analysis::Profile> B =
          analysis::Profile::builtin(O.Profile);
      !B) {
    llvm::consumeError(B.takeError());
    Check.configurationDiag("unknown profile '%0' in option 'Profile' of check "
                            "'%1'; known profiles: %2; the check is disabled",
                            DiagnosticIDs::Error)
        << O.Profile << Name
        << llvm::join(analysis::Profile::builtinNames(), ", ");
  } else {
    Check.configurationDiag("%0 in the options of check '%1'; the check is "
                            "disabled",
                            DiagnosticIDs::Error)
        << Why << Name;
  }
  return std::nullopt;
}

} // namespace

llvm::ArrayRef<analysis::Finding> SharedAnalysis::findings(ASTContext &Ctx) {
  if (Analyzer)
    return Findings;
  analysis::Analyzer::Options Opts;
  Opts.ProjectMode = Sink != nullptr;
  Analyzer = std::make_unique<analysis::Analyzer>(Ctx, Profile, Opts);
  Findings = Analyzer->findings(Enabled);
  if (Sink)
    reportFacts();
  llvm::DenseSet<FileID> WithInclude;
  for (const analysis::Finding &F : Findings)
    CarriesInclude.push_back(F.Fix && F.FixFile.isValid() &&
                             WithInclude.insert(F.FixFile).second);
  return Findings;
}

void SharedAnalysis::reportFacts() const {
  const SourceManager &SM = *this->SM;
  for (const analysis::SpawnSite &S : Analyzer->spawnSites()) {
    if (SM.isInSystemHeader(SM.getExpansionLoc(S.Call->getBeginLoc())))
      continue;
    // A coroutine defined in another translation unit has no visible body
    // here, but its declaration has the same USR.
    std::string USR = analysis::Analyzer::usr(S.SpawnedDecl);
    Sink->spawn(USR, S.Call->getBeginLoc(), S.TypeLevel, SM);
  }
  for (const analysis::Finding &F : Findings)
    if (!F.RequiresSpawnOf.empty())
      Sink->conditional(F, SM);
}

analysis::ProfileOptions EagerCheck::readOptions() const {
  analysis::ProfileOptions O;
#define EAGERLINT_PROFILE_OPTION(KEY, FLAG, META, DEFAULT, HELP)               \
  O.KEY = Options.getLocalOrGlobal(#KEY, DEFAULT).str();
#include "eagerlint/analysis/Options.def"
  return O;
}

EagerCheck::EagerCheck(StringRef Name, clang::tidy::ClangTidyContext *Context,
                       analysis::CheckKind Kind)
    : ClangTidyCheck(Name, Context), Kind(Kind), Configured(readOptions()),
      Profile(buildProfile(Configured, *this, Name)),
      Inserter(Options.getLocalOrGlobal(
                   "IncludeStyle", clang::tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      Sink(registeredFactsSink(*Context)) {}

EagerCheck::~EagerCheck() = default;

void EagerCheck::registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                                     Preprocessor *) {
  if (!Profile)
    return;
  Inserter.registerPreprocessor(PP);
  Shared = joinAnalysis(&SM, *Profile, Sink, Kind);
}

void EagerCheck::registerMatchers(MatchFinder *Finder) {
  if (!Profile)
    return;
  // The analysis walks the translation unit itself, once for all checks.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void EagerCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Shared)
    return;
  llvm::ArrayRef<analysis::Finding> Findings =
      Shared->findings(*Result.Context);
  for (size_t I = 0; I < Findings.size(); ++I) {
    const analysis::Finding &F = Findings[I];
    if (F.Kind != Kind)
      continue;
    {
      DiagnosticBuilder Diag = diag(F.Loc, "%0") << F.Message;
      if (F.Fix) {
        // IncludeInserter takes `<h>` or a bare `h` (quoted); users may also
        // write `"h"`.
        StringRef IncludeName = StringRef(F.Fix->Header).trim();
        if (IncludeName.size() >= 2 && IncludeName.starts_with("\"") &&
            IncludeName.ends_with("\""))
          IncludeName = IncludeName.drop_front().drop_back();
        Diag << FixItHint::CreateInsertion(F.Fix->Loc, F.Fix->Text);
        for (const analysis::Insertion &More : F.FollowUp)
          Diag << FixItHint::CreateInsertion(More.Loc, More.Text);
        if (!IncludeName.empty() && Shared->carriesInclude(I))
          Diag << Inserter.createIncludeInsertion(F.FixFile, IncludeName);
      }
    }
    if (!F.NoFixReason.empty())
      diag(F.Loc, "%0", DiagnosticIDs::Note) << F.NoFixReason;
    for (const analysis::Note &N : F.Notes)
      diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }
}

void EagerCheck::onEndOfTranslationUnit() { Shared.reset(); }

void EagerCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  analysis::ProfileOptions Shown = Configured;
  // Unset, these show the profile's values, as the checks use them.
  if (Profile) {
    Shown.YieldStatement = Profile->YieldStatement;
    Shown.YieldHeader = Profile->YieldHeader;
    Shown.SpawnStart = analysis::spawnStartName(Profile->SpawnStart).str();
    Shown.PrefixIdentity =
        analysis::prefixIdentityName(Profile->PrefixIdentity).str();
  }
#define EAGERLINT_PROFILE_OPTION(KEY, FLAG, META, DEFAULT, HELP)               \
  Options.store(Opts, #KEY, Shown.KEY);
#include "eagerlint/analysis/Options.def"
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

} // namespace eagerlint::tidy
