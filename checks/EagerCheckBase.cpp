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
#include <mutex>
#include <vector>

using namespace clang;
using namespace clang::ast_matchers;

namespace eagerlint::tidy {

/// The analysis of one translation unit shared by the enabled eager-* checks
/// that have the same configuration.
class SharedAnalysis {
public:
  SharedAnalysis(const SourceManager *SM, std::string Key,
                 analysis::Profile Profile)
      : SM(SM), Key(std::move(Key)), Profile(std::move(Profile)) {}

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
  const SourceManager *SM;
  std::string Key;
  analysis::Profile Profile;
  llvm::SmallVector<analysis::CheckKind, analysis::NumCheckKinds> Enabled;
  std::unique_ptr<analysis::Analyzer> Analyzer;
  std::vector<analysis::Finding> Findings;
  std::vector<bool> CarriesInclude;
};

namespace {

// Checks are created per translation unit and per thread, so the analyses of
// the translation unit being checked on this thread are found here.
thread_local std::vector<std::weak_ptr<SharedAnalysis>> LiveAnalyses;

std::mutex ProjectMutex;
std::shared_ptr<const llvm::StringSet<>> ProjectSpawned;

std::shared_ptr<const llvm::StringSet<>> projectSpawned() {
  std::lock_guard<std::mutex> Lock(ProjectMutex);
  return ProjectSpawned;
}

std::shared_ptr<SharedAnalysis> joinAnalysis(const SourceManager *SM,
                                             const analysis::Profile &P,
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
    Found = std::make_shared<SharedAnalysis>(SM, std::move(Key), P);
    LiveAnalyses.push_back(Found);
  }
  Found->enable(Kind);
  return Found;
}

std::optional<analysis::Profile>
buildProfile(const analysis::ProfileOptions &O) {
  llvm::Expected<analysis::Profile> P = analysis::Profile::configured(O);
  if (!P) {
    llvm::consumeError(P.takeError());
    return std::nullopt;
  }
  return std::move(*P);
}

// An empty value means "the profile's", so a dumped configuration read back
// behaves the same.
std::optional<std::string> optionalOption(std::optional<StringRef> Value) {
  if (!Value || Value->trim().empty())
    return std::nullopt;
  return Value->str();
}

} // namespace

llvm::ArrayRef<analysis::Finding> SharedAnalysis::findings(ASTContext &Ctx) {
  if (Analyzer)
    return Findings;
  analysis::Analyzer::Options Opts;
  std::shared_ptr<const llvm::StringSet<>> Spawned = projectSpawned();
  Opts.ProjectMode = Spawned != nullptr;
  Analyzer = std::make_unique<analysis::Analyzer>(Ctx, Profile, Opts);
  Findings = Analyzer->findings(Enabled);
  if (Spawned)
    llvm::erase_if(Findings, [&](const analysis::Finding &F) {
      return !F.RequiresSpawnOf.empty() &&
             !Spawned->contains(F.RequiresSpawnOf);
    });
  llvm::DenseSet<FileID> WithInclude;
  for (const analysis::Finding &F : Findings)
    CarriesInclude.push_back(F.Fix && F.FixFile.isValid() &&
                             WithInclude.insert(F.FixFile).second);
  return Findings;
}

void setProjectSpawnedCoroutines(
    std::shared_ptr<const llvm::StringSet<>> SpawnedUSRs) {
  std::lock_guard<std::mutex> Lock(ProjectMutex);
  ProjectSpawned = std::move(SpawnedUSRs);
}

EagerCheck::EagerCheck(StringRef Name, clang::tidy::ClangTidyContext *Context,
                       analysis::CheckKind Kind)
    : ClangTidyCheck(Name, Context), Kind(Kind),
      ProfileName(Options.getLocalOrGlobal("Profile", "reference")),
      SpawnFunctions(Options.getLocalOrGlobal("SpawnFunctions", "")),
      CancelFunctions(Options.getLocalOrGlobal("CancelFunctions", "")),
      StateQueryFunctions(Options.getLocalOrGlobal("StateQueryFunctions", "")),
      TimeoutFunctions(Options.getLocalOrGlobal("TimeoutFunctions", "")),
      AmbientTaskFunctions(
          Options.getLocalOrGlobal("AmbientTaskFunctions", "")),
      NeverSuspendingAwaitables(
          Options.getLocalOrGlobal("NeverSuspendingAwaitables", "")),
      YieldStatementOption(
          optionalOption(Options.getLocalOrGlobal("YieldStatement"))),
      YieldHeaderOption(
          optionalOption(Options.getLocalOrGlobal("YieldHeader"))),
      Profile(buildProfile({ProfileName, SpawnFunctions, CancelFunctions,
                            StateQueryFunctions, TimeoutFunctions,
                            AmbientTaskFunctions, NeverSuspendingAwaitables,
                            YieldStatementOption.value_or(""),
                            YieldHeaderOption.value_or(""),
                            Options.getLocalOrGlobal("SpawnStart", "").str(),
                            Options.getLocalOrGlobal("PrefixIdentity", "").str(),
                            Options.getLocalOrGlobal("EagerTypes", "").str()})),
      Inserter(Options.getLocalOrGlobal(
                   "IncludeStyle", clang::tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  if (!Profile)
    configurationDiag("unknown profile '%0' in option 'Profile' of check "
                      "'%1'; known profiles: %2; the check is disabled",
                      DiagnosticIDs::Error)
        << ProfileName << Name
        << llvm::join(analysis::Profile::builtinNames(), ", ");
}

EagerCheck::~EagerCheck() = default;

void EagerCheck::registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                                     Preprocessor *) {
  if (!Profile)
    return;
  Inserter.registerPreprocessor(PP);
  Shared = joinAnalysis(&SM, *Profile, Kind);
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
    for (const analysis::Note &N : F.Notes)
      diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }
}

void EagerCheck::onEndOfTranslationUnit() { Shared.reset(); }

void EagerCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Profile", ProfileName);
  Options.store(Opts, "SpawnFunctions", SpawnFunctions);
  Options.store(Opts, "CancelFunctions", CancelFunctions);
  Options.store(Opts, "StateQueryFunctions", StateQueryFunctions);
  Options.store(Opts, "TimeoutFunctions", TimeoutFunctions);
  Options.store(Opts, "AmbientTaskFunctions", AmbientTaskFunctions);
  Options.store(Opts, "NeverSuspendingAwaitables", NeverSuspendingAwaitables);
  // Unset, these show the profile's defaults, as the checks use them.
  Options.store(Opts, "YieldStatement",
                Profile ? Profile->YieldStatement
                        : YieldStatementOption.value_or(""));
  Options.store(Opts, "YieldHeader",
                Profile ? Profile->YieldHeader
                        : YieldHeaderOption.value_or(""));
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

} // namespace eagerlint::tidy
