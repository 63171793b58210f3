//===- Discover.cpp - `eagerlint discover` --------------------------------===//
//
// Finds what a profile needs to know about a project (docs/design.md §4.2):
// the class types its coroutines return, with their start policy from
// initial_suspend, and the functions that take a coroutine object by value or
// rvalue reference without awaiting it (candidate spawn APIs), then names the
// built-in profile that fits and prints a `.clang-tidy` to start from.
//
//===----------------------------------------------------------------------===//
#include "Discover.h"
#include "Driver.h"
#include "Support.h"
#include "Worker.h"
#include "eagerlint/analysis/Analyzer.h"
#include "eagerlint/analysis/Profile.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include <set>
#include <tuple>

using namespace clang;

namespace eagerlint::cli {

namespace {

//===-- Names -------------------------------------------------------------===//

/// \p D's qualified name as profiles spell it (and clang-tidy's `hasName`
/// matches it): no template arguments, no inline or anonymous namespaces.
/// Empty for a declaration local to a function or in an unnamed class.
std::string qualifiedName(const NamedDecl *D) {
  llvm::SmallVector<std::string, 4> Parts{D->getNameAsString()};
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (!NS->isAnonymousNamespace() && !NS->isInline())
        Parts.push_back(NS->getName().str());
    } else if (auto *RD = dyn_cast<RecordDecl>(C)) {
      if (!RD->getIdentifier())
        return {};
      Parts.push_back(RD->getName().str());
    } else if (isa<FunctionDecl, BlockDecl>(C)) {
      return {};
    }
  }
  std::reverse(Parts.begin(), Parts.end());
  return llvm::join(Parts, "::");
}

/// The class (or class template) of \p T, one declaration for all its
/// specializations.
const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    if (auto *TST = T->getAs<TemplateSpecializationType>())
      if (auto *CTD = dyn_cast_or_null<ClassTemplateDecl>(
              TST->getTemplateName().getAsTemplateDecl()))
        RD = CTD->getTemplatedDecl();
  if (auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
  return RD ? RD->getCanonicalDecl() : nullptr;
}

bool inStd(const Decl *D) {
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent())
    if (C->isStdNamespace())
      return true;
  return false;
}

/// \p E without parentheses, casts, temporaries, `std::move` and
/// `std::forward`.
const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (auto *C = dyn_cast<CXXNamedCastExpr>(E))
      E = C->getSubExpr();
    else if (auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             Call->getDirectCallee()->isInStdNamespace() &&
             Call->getDirectCallee()->getIdentifier() &&
             (Call->getDirectCallee()->getName() == "move" ||
              Call->getDirectCallee()->getName() == "forward"))
      E = Call->getArg(0);
    else
      return E;
  }
  return E;
}

/// Whether \p S holds a co_await or co_yield of the parameter \p P.
bool awaits(const Stmt *S, const ParmVarDecl *P) {
  if (!S)
    return false;
  const Expr *Operand = nullptr;
  if (auto *SE = dyn_cast<CoroutineSuspendExpr>(S))
    Operand = SE->getOperand();
  else if (auto *DE = dyn_cast<DependentCoawaitExpr>(S))
    Operand = DE->getOperand();
  if (auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(Operand));
      Ref && Ref->getDecl() == P)
    return true;
  for (const Stmt *Child : S->children())
    if (awaits(Child, P))
      return true;
  return false;
}

//===-- One translation unit ----------------------------------------------===//

/// A place in the project, to count each definition and call once however
/// many translation units include it.
using Place = std::pair<std::string, unsigned>;

struct TUFacts {
  struct Coroutine {
    std::string Type;
    analysis::StartPolicy Start;
    Place Where;
  };
  struct Call {
    std::string Callee;
    Place Where;
  };
  std::vector<Coroutine> Coroutines;
  std::vector<Call> Calls;
};

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext &Ctx, const analysis::Analyzer &A,
            llvm::StringRef BuildDir, TUFacts &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), A(A), BuildDir(BuildDir),
        Out(Out) {}

  void run() {
    TraverseDecl(Ctx.getTranslationUnitDecl());
    // Calls are judged once every coroutine type of the translation unit is
    // known.
    for (const auto &[Call, Callee] : Pending)
      judge(Call, Callee);
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    noteCoroutine(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    noteCoroutine(L->getCallOperator());
    return true;
  }
  /// `std::coroutine_traits<kj::Promise<T>, Args...>`: a promise chosen for
  /// a type that has no member promise_type.
  bool
  VisitClassTemplateSpecializationDecl(ClassTemplateSpecializationDecl *D) {
    if (D->getSpecializationKind() == TSK_ImplicitInstantiation ||
        !D->isInStdNamespace() || D->getName() != "coroutine_traits" ||
        D->getTemplateArgs().size() == 0 ||
        D->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return true;
    if (const CXXRecordDecl *RD = classOf(D->getTemplateArgs()[0].getAsType()))
      CoroutineTypes.insert(RD);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && !inSystem(Call->getBeginLoc()) && !inStd(Callee))
      Pending.push_back({Call, Callee});
    return true;
  }

private:
  bool inSystem(SourceLocation L) const {
    return L.isInvalid() || SM.isInSystemHeader(SM.getExpansionLoc(L));
  }

  Place place(SourceLocation L) const {
    L = SM.getFileLoc(L);
    return {normalizePath(SM.getFilename(L), BuildDir), SM.getFileOffset(L)};
  }

  void noteCoroutine(const FunctionDecl *FD) {
    if (!FD || !FD->doesThisDeclarationHaveABody() ||
        !isa_and_nonnull<CoroutineBodyStmt>(FD->getBody()) ||
        inSystem(FD->getLocation()))
      return;
    const CXXRecordDecl *RD = classOf(FD->getReturnType());
    std::string Name = RD ? qualifiedName(RD) : "";
    if (Name.empty())
      return;
    CoroutineTypes.insert(RD);
    analysis::StartPolicy Start = A.startPolicy(FD);
    if (Start == analysis::StartPolicy::Unknown)
      Start = A.typeStartPolicy(FD->getReturnType());
    Out.Coroutines.push_back({Name, Start, place(FD->getLocation())});
  }

  bool isCoroutineType(QualType T) const {
    const CXXRecordDecl *RD = classOf(T);
    if (!RD)
      return false;
    if (CoroutineTypes.contains(RD))
      return true;
    const CXXRecordDecl *Def = T.getNonReferenceType()->getAsCXXRecordDecl();
    return Def && Def->hasDefinition() &&
           !Def->lookup(&Ctx.Idents.get("promise_type")).empty();
  }

  /// Members of a coroutine type (its assignment, its awaiter's
  /// constructor) move coroutine objects around; they start nothing.
  bool memberOfCoroutineType(const FunctionDecl *FD) const {
    for (const DeclContext *C = FD->getDeclContext(); C; C = C->getParent())
      if (auto *RD = dyn_cast<CXXRecordDecl>(C))
        if (CoroutineTypes.contains(classOf(Ctx.getRecordType(RD))) ||
            isCoroutineType(Ctx.getRecordType(RD)))
          return true;
    return false;
  }

  void judge(const CallExpr *Call, const FunctionDecl *Callee) {
    if (memberOfCoroutineType(Callee))
      return;
    unsigned Offset =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    const FunctionDecl *Def = Callee->getDefinition();
    for (unsigned I = 0;
         I + Offset < Call->getNumArgs() && I < Callee->getNumParams(); ++I) {
      QualType T = Callee->getParamDecl(I)->getType();
      if (T->isLValueReferenceType() || !isCoroutineType(T))
        continue;
      // A body that awaits the object is an awaiting helper; one we cannot
      // see may spawn it.
      if (Def && I < Def->getNumParams() &&
          awaits(Def->getBody(), Def->getParamDecl(I)))
        continue;
      std::string Name = qualifiedName(Callee);
      if (!Name.empty())
        Out.Calls.push_back({std::move(Name), place(Call->getBeginLoc())});
      return;
    }
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const analysis::Analyzer &A;
  llvm::StringRef BuildDir;
  TUFacts &Out;
  llvm::DenseSet<const CXXRecordDecl *> CoroutineTypes;
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Pending;
};

class DiscoverConsumer : public ASTConsumer {
public:
  DiscoverConsumer(std::string BuildDir, TUFacts &Out)
      : BuildDir(std::move(BuildDir)), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    llvm::Expected<analysis::Profile> P =
        analysis::Profile::builtin("reference");
    if (!P) {
      llvm::consumeError(P.takeError());
      return;
    }
    analysis::Analyzer A(Ctx, std::move(*P));
    Collector(Ctx, A, BuildDir, Out).run();
  }

private:
  std::string BuildDir;
  TUFacts &Out;
};

class DiscoverAction : public ASTFrontendAction {
public:
  DiscoverAction(std::string BuildDir, TUFacts &Out)
      : BuildDir(std::move(BuildDir)), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<DiscoverConsumer>(BuildDir, Out);
  }

private:
  std::string BuildDir;
  TUFacts &Out;
};

class DiscoverActionFactory : public tooling::FrontendActionFactory {
public:
  DiscoverActionFactory(std::string BuildDir, TUFacts &Out)
      : BuildDir(std::move(BuildDir)), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<DiscoverAction>(BuildDir, Out);
  }

private:
  std::string BuildDir;
  TUFacts &Out;
};

/// Keeps the first error of a translation unit, as "file:line:col: message".
class FirstError : public DiagnosticConsumer {
public:
  explicit FirstError(std::string WorkingDir)
      : WorkingDir(std::move(WorkingDir)) {}
  std::string Message;

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !Message.empty())
      return;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P =
          Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid())
        Message = relativeTo(normalizePath(P.getFilename()), WorkingDir) + ":" +
                  std::to_string(P.getLine()) + ":" +
                  std::to_string(P.getColumn()) + ": ";
    }
    Message += Text.str();
  }

private:
  std::string WorkingDir;
};

/// Analyses the file of \p Job; a one-line cause when it could not be
/// analysed.
std::string discoverFile(const WorkerJob &Job, const std::string &WorkingDir,
                         TUFacts &Out) {
  if (Job.Commands.empty())
    return "no compile command";
  if (!llvm::sys::fs::exists(Job.File))
    return "no such file";
  if (!llvm::sys::fs::is_directory(Job.Commands.front().Directory))
    return "the directory of its compile command, '" +
           Job.Commands.front().Directory + "', does not exist";
  JobDatabase DB(Job.Commands);
  tooling::ClangTool Tool(DB, {Job.File});
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());
  // Only errors matter here; warnings would be printed as a count.
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      "-w", tooling::ArgumentInsertPosition::END));
  Tool.setPrintErrorMessage(false);
  FirstError Errors(WorkingDir);
  Tool.setDiagnosticConsumer(&Errors);
  DiscoverActionFactory Factory(Job.Commands.front().Directory, Out);
  int RC = Tool.run(&Factory);
  if (!Errors.Message.empty())
    return Errors.Message;
  if (RC != 0)
    return "the compiler could not process it";
  return {};
}

llvm::json::Value toJSON(const Place &P) {
  return llvm::json::Object{{"file", P.first}, {"offset", P.second}};
}

bool fromJSON(const llvm::json::Value &V, Place &P, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  int64_t Offset = 0;
  if (!O || !O.map("file", P.first) || !O.map("offset", Offset) || Offset < 0)
    return false;
  P.second = static_cast<unsigned>(Offset);
  return true;
}

/// `eagerlint discover --worker JOB RESULT`: one file in its own process, so
/// a compiler crash costs that file only.
int runDiscoverWorker(llvm::StringRef JobFile, llvm::StringRef ResultFile,
                      const std::string &WorkingDir) {
  auto Buffer = llvm::MemoryBuffer::getFile(JobFile);
  WorkerJob Job;
  llvm::json::Path::Root Root;
  llvm::Expected<llvm::json::Value> V =
      Buffer ? llvm::json::parse((*Buffer)->getBuffer())
             : llvm::Expected<llvm::json::Value>(llvm::createStringError(
                   Buffer.getError(), "cannot read the job"));
  if (!V || !fromJSON(*V, Job, Root)) {
    if (!V)
      llvm::consumeError(V.takeError());
    llvm::errs() << "eagerlint discover: error: " << JobFile
                 << ": malformed job\n";
    return 2;
  }
  TUFacts Facts;
  std::string Failure = discoverFile(Job, WorkingDir, Facts);
  llvm::json::Array Coroutines, Calls;
  for (const TUFacts::Coroutine &C : Facts.Coroutines)
    Coroutines.push_back(
        llvm::json::Object{{"type", C.Type},
                           {"start", static_cast<int64_t>(C.Start)},
                           {"where", toJSON(C.Where)}});
  for (const TUFacts::Call &C : Facts.Calls)
    Calls.push_back(
        llvm::json::Object{{"callee", C.Callee}, {"where", toJSON(C.Where)}});
  std::error_code EC;
  llvm::raw_fd_ostream OS(ResultFile, EC);
  if (EC)
    return 2;
  OS << llvm::json::Value(
      llvm::json::Object{{"failure", Failure},
                         {"coroutines", std::move(Coroutines)},
                         {"calls", std::move(Calls)}});
  OS.close();
  return OS.has_error() ? 2 : 0;
}

/// Reads what runDiscoverWorker wrote; false if it is not such a result.
bool readFacts(llvm::StringRef ResultFile, std::string &Failure, TUFacts &Out) {
  auto Buffer = llvm::MemoryBuffer::getFile(ResultFile);
  if (!Buffer)
    return false;
  llvm::Expected<llvm::json::Value> V =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return false;
  }
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *Coroutines = O ? O->getArray("coroutines") : nullptr;
  const llvm::json::Array *Calls = O ? O->getArray("calls") : nullptr;
  std::optional<llvm::StringRef> Why =
      O ? O->getString("failure") : std::nullopt;
  if (!Coroutines || !Calls || !Why)
    return false;
  Failure = Why->str();
  llvm::json::Path::Root Root;
  for (const llvm::json::Value &C : *Coroutines) {
    const llvm::json::Object *CO = C.getAsObject();
    TUFacts::Coroutine Co;
    std::optional<int64_t> Start = CO ? CO->getInteger("start") : std::nullopt;
    std::optional<llvm::StringRef> Type =
        CO ? CO->getString("type") : std::nullopt;
    const llvm::json::Value *Where = CO ? CO->get("where") : nullptr;
    if (!Start || !Type || !Where || !fromJSON(*Where, Co.Where, Root) ||
        *Start < 0 ||
        *Start > static_cast<int64_t>(analysis::StartPolicy::Unknown))
      return false;
    Co.Type = Type->str();
    Co.Start = static_cast<analysis::StartPolicy>(*Start);
    Out.Coroutines.push_back(std::move(Co));
  }
  for (const llvm::json::Value &C : *Calls) {
    const llvm::json::Object *CO = C.getAsObject();
    TUFacts::Call Call;
    std::optional<llvm::StringRef> Callee =
        CO ? CO->getString("callee") : std::nullopt;
    const llvm::json::Value *Where = CO ? CO->get("where") : nullptr;
    if (!Callee || !Where || !fromJSON(*Where, Call.Where, Root))
      return false;
    Call.Callee = Callee->str();
    Out.Calls.push_back(std::move(Call));
  }
  return true;
}

/// Runs \p Executable as a discover worker on \p Job; a one-line cause when
/// the file could not be analysed.
std::string discoverInWorker(const std::string &Executable,
                             const WorkerJob &Job, TUFacts &Out) {
  llvm::SmallString<128> JobPath, ResultPath;
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "eagerlint-discover", "json", JobPath))
    return "cannot write a worker job: " + EC.message();
  llvm::FileRemover RemoveJob(JobPath);
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "eagerlint-discover", "json", ResultPath))
    return "cannot write a worker job: " + EC.message();
  llvm::FileRemover RemoveResult(ResultPath);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(JobPath, EC);
    if (EC)
      return "cannot write a worker job: " + EC.message();
    OS << llvm::json::Value(toJSON(Job));
  }
  llvm::StringRef Args[] = {Executable, "discover", "--worker", JobPath,
                            ResultPath};
  // The worker's own messages (a crash's stack) are not the report's.
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, std::nullopt,
                                                llvm::StringRef("")};
  std::string ErrMsg;
  int RC = llvm::sys::ExecuteAndWait(Executable, Args, std::nullopt, Redirects,
                                     0, 0, &ErrMsg);
  std::string Failure;
  if (RC == 0 && readFacts(ResultPath, Failure, Out))
    return Failure;
  if (RC == -1)
    return "cannot start a worker: " + ErrMsg;
  return "the analysis crashed" + (ErrMsg.empty() ? "" : " (" + ErrMsg + ")");
}

//===-- The project -------------------------------------------------------===//

llvm::StringRef startName(analysis::StartPolicy P) {
  switch (P) {
  case analysis::StartPolicy::Eager:
    return "eager";
  case analysis::StartPolicy::Lazy:
    return "lazy";
  case analysis::StartPolicy::Unknown:
    break;
  }
  return "unknown";
}

/// Joins the facts of every translation unit, each definition and call once.
void summarise(const std::vector<TUFacts> &TUs, Discovery &D) {
  std::set<std::tuple<std::string, Place>> SeenCoroutines, SeenCalls;
  std::map<std::string, std::set<analysis::StartPolicy>> Starts;
  std::map<std::string, unsigned> Coroutines, Calls;
  for (const TUFacts &TU : TUs) {
    for (const TUFacts::Coroutine &C : TU.Coroutines) {
      if (!SeenCoroutines.insert({C.Type, C.Where}).second)
        continue;
      ++Coroutines[C.Type];
      if (C.Start != analysis::StartPolicy::Unknown)
        Starts[C.Type].insert(C.Start);
    }
    for (const TUFacts::Call &C : TU.Calls)
      if (SeenCalls.insert({C.Callee, C.Where}).second)
        ++Calls[C.Callee];
  }
  for (const auto &[Name, N] : Coroutines) {
    // Coroutines of one type whose promises start differently (traits
    // specialised per parameter list) have no single policy.
    const std::set<analysis::StartPolicy> &S = Starts[Name];
    D.Types.push_back(
        {Name, S.size() == 1 ? startName(*S.begin()).str() : "unknown", N});
  }
  for (const auto &[Name, N] : Calls)
    D.Candidates.push_back({Name, N});
}

std::string withoutGlobalPrefix(llvm::StringRef Name) {
  return Name.ltrim(':').str();
}

bool profileNames(const std::vector<std::string> &List, llvm::StringRef Name) {
  return llvm::any_of(List, [&](const std::string &N) {
    return withoutGlobalPrefix(N) == Name;
  });
}

} // namespace

void chooseProfile(Discovery &D) {
  D.Profile.clear();
  D.ProfileMatches.clear();
  for (llvm::StringRef Name : analysis::Profile::builtinNames()) {
    llvm::Expected<analysis::Profile> P = analysis::Profile::builtin(Name);
    if (!P) {
      llvm::consumeError(P.takeError());
      continue;
    }
    std::vector<std::string> Matches;
    for (const SpawnCandidate &C : D.Candidates)
      if (profileNames(P->SpawnFunctions, C.Name))
        Matches.push_back(C.Name);
    for (const DiscoveredType &T : D.Types)
      if (profileNames(P->EagerTypes, T.Name))
        Matches.push_back(T.Name);
    // The first profile with the most matches: builtinNames' order.
    if (Matches.size() > D.ProfileMatches.size()) {
      D.Profile = Name.str();
      D.ProfileMatches = std::move(Matches);
    }
  }
}

std::string clangTidySnippet(const Discovery &D) {
  std::optional<analysis::Profile> P;
  if (!D.Profile.empty()) {
    if (llvm::Expected<analysis::Profile> B =
            analysis::Profile::builtin(D.Profile))
      P = std::move(*B);
    else
      llvm::consumeError(B.takeError());
  }
  std::vector<std::string> Unknown, Lazy;
  for (const SpawnCandidate &C : D.Candidates)
    if (!P || !profileNames(P->SpawnFunctions, C.Name))
      Unknown.push_back(C.Name);
  for (const DiscoveredType &T : D.Types)
    if (T.Start == "lazy")
      Lazy.push_back(T.Name);

  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "Checks: '-*,eager-*'\n"
     << "CheckOptions:\n";
  if (P) {
    OS << "  Profile: " << P->Name << "\n";
    if (!Unknown.empty())
      OS << "  # Candidates the profile does not know; keep those that "
            "start a task:\n"
         << "  # SpawnFunctions: '" << llvm::join(Unknown, ";") << "'\n";
  } else {
    OS << "  # No built-in profile fits: describe the runtime "
          "(docs/runtimes.md).\n"
       << "  Profile: reference\n";
    if (!Unknown.empty())
      OS << "  # Candidates: keep those that start a task.\n"
         << "  SpawnFunctions: '" << llvm::join(Unknown, ";") << "'\n";
    else
      OS << "  # SpawnFunctions: ''  # no candidate found: name the "
            "runtime's spawn functions\n";
  }
  if (!P || P->YieldStatement.empty())
    OS << "  # YieldStatement: ''  # a statement that always suspends, for "
          "the fix-its\n"
       << "  # YieldHeader: ''\n";
  if (!Lazy.empty())
    OS << "  # What breaks if these lazy types started when called:\n"
       << "  # EagerTypes: '" << llvm::join(Lazy, ";") << "'\n";
  return Out;
}

void writeDiscoveryText(llvm::raw_ostream &OS, const Discovery &D) {
  auto Width = [](const auto &Rows) {
    size_t W = 0;
    for (const auto &R : Rows)
      W = std::max(W, R.Name.size());
    return W;
  };
  OS << "coroutine types (start policy from initial_suspend):\n";
  if (D.Types.empty())
    OS << "  none\n";
  for (const DiscoveredType &T : D.Types)
    OS << "  " << llvm::left_justify(T.Name, Width(D.Types)) << "  "
       << llvm::left_justify(T.Start, 7) << "  " << T.Coroutines
       << (T.Coroutines == 1 ? " coroutine" : " coroutines") << "\n";
  OS << "candidate spawn APIs (take a coroutine object by value or rvalue "
        "and do not co_await it):\n";
  if (D.Candidates.empty())
    OS << "  none\n";
  for (const SpawnCandidate &C : D.Candidates)
    OS << "  " << llvm::left_justify(C.Name, Width(D.Candidates)) << "  "
       << C.Calls << (C.Calls == 1 ? " call" : " calls") << "\n";
  if (D.Profile.empty())
    OS << "built-in profile: none fits\n";
  else
    OS << "built-in profile: " << D.Profile << " (matches "
       << llvm::join(D.ProfileMatches, ", ") << ")\n";
  OS << ".clang-tidy:\n" << clangTidySnippet(D);
}

void writeDiscoveryJSON(llvm::raw_ostream &OS, const Discovery &D) {
  using llvm::json::Array;
  using llvm::json::Object;
  Array Types, Candidates, Failed;
  for (const DiscoveredType &T : D.Types)
    Types.push_back(Object{
        {"name", T.Name}, {"start", T.Start}, {"coroutines", T.Coroutines}});
  for (const SpawnCandidate &C : D.Candidates)
    Candidates.push_back(Object{{"name", C.Name}, {"calls", C.Calls}});
  for (const auto &[File, Why] : D.Failed)
    Failed.push_back(Object{{"file", File}, {"reason", Why}});
  llvm::json::Value Profile = nullptr;
  if (!D.Profile.empty())
    Profile = Object{{"name", D.Profile}, {"matches", D.ProfileMatches}};
  llvm::json::Value Doc = Object{{"version", 1},
                                 {"files", D.Files},
                                 {"analysed", D.Analysed},
                                 {"failed", std::move(Failed)},
                                 {"coroutineTypes", std::move(Types)},
                                 {"spawnCandidates", std::move(Candidates)},
                                 {"profile", std::move(Profile)},
                                 {"clangTidy", clangTidySnippet(D)}};
  OS << llvm::formatv("{0:2}", Doc) << "\n";
}

namespace {

const char Usage[] =
    R"(usage: eagerlint discover -p BUILD_DIR [--format text|json] [files...]

Lists the project's coroutine types with their start policy (from
initial_suspend), the functions that take a coroutine object by value or
rvalue reference and do not co_await it (candidate spawn APIs) with their
call counts, the built-in profile that fits, and a .clang-tidy to start
from (docs/runtimes.md).

options:
  -p BUILD_DIR          directory holding compile_commands.json
  --format text|json    output format (default: text)
  -h, --help            this text

Exit codes: 0 done, 2 usage or configuration error, 3 a file could not be
analysed (the others are still reported).
)";

struct DiscoverArgs {
  DriverConfig Config;
  bool JSON = false;
  bool Help = false;
};

llvm::Expected<DiscoverArgs>
parseDiscoverArgs(llvm::ArrayRef<const char *> Args) {
  DiscoverArgs Out;
  auto Error = [](const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Msg + " (see eagerlint discover --help)");
  };
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    auto Value = [&](llvm::StringRef Flag,
                     std::string &Into) -> std::optional<llvm::Error> {
      if (A == Flag || A == "-" + Flag.str()) {
        if (I + 1 == Args.size())
          return Error(A + " needs a value");
        Into = Args[++I];
        return llvm::Error::success();
      }
      for (llvm::StringRef Prefix : {Flag.str() + "=", "-" + Flag.str() + "="})
        if (A.starts_with(Prefix)) {
          Into = A.drop_front(Prefix.size()).str();
          return llvm::Error::success();
        }
      return std::nullopt;
    };
    std::string Format;
    if (A == "-h" || A == "--help" || A == "-help") {
      Out.Help = true;
    } else if (auto E = Value("-p", Out.Config.BuildPath)) {
      if (*E)
        return std::move(*E);
    } else if (A.starts_with("-p") && A.size() > 2 && A[2] != '=') {
      Out.Config.BuildPath = A.drop_front(2).str();
    } else if (auto E = Value("--format", Format)) {
      if (*E)
        return std::move(*E);
      if (Format != "text" && Format != "json")
        return Error("unknown --format '" + Format + "' (known: text, json)");
      Out.JSON = Format == "json";
    } else if (A.starts_with("-")) {
      return Error("unknown argument '" + A + "'");
    } else {
      Out.Config.Inputs.push_back(A.str());
    }
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  Out.Config.WorkingDir = normalizePath(Cwd);
  return Out;
}

int usageError(llvm::Error E) {
  std::string Msg = llvm::toString(std::move(E));
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Msg).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef L : Lines)
    llvm::errs() << "eagerlint discover: error: " << L << "\n";
  return 2;
}

} // namespace

int runDiscover(int Argc, const char **Argv, const std::string &Executable) {
  if (Argc == 3 && llvm::StringRef(Argv[0]) == "--worker") {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    return runDiscoverWorker(Argv[1], Argv[2], normalizePath(Cwd));
  }
  llvm::Expected<DiscoverArgs> Args = parseDiscoverArgs(
      llvm::ArrayRef<const char *>(Argv, Argc > 0 ? Argc : 0));
  if (!Args)
    return usageError(Args.takeError());
  if (Args->Help) {
    llvm::outs() << Usage;
    return 0;
  }
  llvm::Expected<Selection> S = selectInputs(Args->Config);
  if (!S)
    return usageError(S.takeError());

  Discovery D;
  D.Files = S->Files.size() + S->NotAnalysable.size();
  for (const FailedFile &F : S->NotAnalysable)
    D.Failed.push_back({relativeTo(F.File, Args->Config.WorkingDir), F.Reason});
  std::vector<TUFacts> TUs;
  for (const std::string &File : S->Files) {
    WorkerJob Job;
    Job.File = File;
    Job.Commands = S->DB->getCompileCommands(S->DBFiles.at(File));
    TUFacts Facts;
    std::string Why = discoverInWorker(Executable, Job, Facts);
    if (!Why.empty()) {
      D.Failed.push_back({relativeTo(File, Args->Config.WorkingDir), Why});
      continue;
    }
    ++D.Analysed;
    TUs.push_back(std::move(Facts));
  }
  llvm::sort(D.Failed);
  summarise(TUs, D);
  chooseProfile(D);

  for (const auto &[File, Why] : D.Failed)
    llvm::errs() << "eagerlint discover: error: cannot analyse " << File << ": "
                 << Why << "\n";
  if (Args->JSON)
    writeDiscoveryJSON(llvm::outs(), D);
  else
    writeDiscoveryText(llvm::outs(), D);
  llvm::errs() << "eagerlint discover: " << D.Analysed
               << (D.Analysed == 1 ? " file" : " files") << " analysed, "
               << D.Failed.size() << " failed\n";
  return D.Failed.empty() ? 0 : 3;
}

} // namespace eagerlint::cli
