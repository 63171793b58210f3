//===- Findings.cpp - From prefixes and windows to findings ---------------===//
#include "Diagnoser.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace eagerlint::analysis {

static constexpr llvm::StringLiteral CheckNames[NumCheckKinds] = {
#define EAGERLINT_CHECK(KIND, NAME, CLASS, SHORT, FULL, FIX) NAME,
#include "eagerlint/analysis/Checks.def"
};

llvm::StringRef checkName(CheckKind K) {
  return CheckNames[static_cast<unsigned>(K)];
}

std::optional<CheckKind> checkKindFromName(llvm::StringRef Name) {
  for (unsigned I = 0; I < NumCheckKinds; ++I)
    if (CheckNames[I] == Name ||
        CheckNames[I].drop_front(llvm::StringRef("eager-").size()) == Name)
      return static_cast<CheckKind>(I);
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Names in messages
//===----------------------------------------------------------------------===//

/// "file.cpp:12:5" for where \p Loc is written (or expanded).
static std::string shortLocation(SourceLocation Loc, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "an unknown location";
  return (llvm::sys::path::filename(P.getFilename()) + ":" +
          llvm::Twine(P.getLine()) + ":" + llvm::Twine(P.getColumn()))
      .str();
}

static std::string displayName(const FunctionDecl *FD) {
  if (!FD)
    return "the spawned coroutine";
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  // Lambdas and functions a macro wrote have no name a reader can find.
  if (isLambdaCallOperator(FD))
    return "the lambda at " + shortLocation(FD->getBeginLoc(), SM);
  if (FD->getLocation().isMacroID())
    return "the function at " + shortLocation(FD->getLocation(), SM);
  std::string Name;
  if (auto *MD = dyn_cast<CXXMethodDecl>(FD))
    Name = MD->getParent()->getNameAsString() + "::";
  return "'" + Name + FD->getNameAsString() + "'";
}

static std::string entityName(const Entity &E) {
  std::string Name = E.Decl->getNameAsString();
  if (E.Member)
    Name += "." + E.Member->getNameAsString();
  return "'" + Name + "'";
}

/// The object a call on a handle is made on: `s` for `s->emit()`.
static const Expr *handleObject(const CallExpr *Call) {
  const Expr *Obj = stripWrappers(implicitObject(Call));
  if (auto *Op = dyn_cast<CXXOperatorCallExpr>(Obj);
      Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() > 0)
    return stripWrappers(Op->getArg(0));
  return Obj;
}

static std::string sourceText(const Expr *E, const ASTContext &Ctx) {
  CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
  return Lexer::getSourceText(R, Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

//===----------------------------------------------------------------------===//
// Fix-it placement
//===----------------------------------------------------------------------===//

static std::string indentationAt(SourceLocation Loc, const SourceManager &SM) {
  auto [File, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  llvm::StringRef Buffer = SM.getBufferData(File);
  size_t LineStart = Buffer.rfind('\n', Offset ? Offset - 1 : 0);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  if (Offset == 0)
    LineStart = 0;
  llvm::StringRef Line = Buffer.substr(LineStart);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

/// Where to insert after the statement \p S: after its closing `;` or `}`
/// (at the end of the line when only a comment follows there).
static std::optional<SourceLocation> endOfStatement(const Stmt *S,
                                                   const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  SourceLocation End = S->getEndLoc();
  if (End.isInvalid() || End.isMacroID())
    return std::nullopt;
  Token Last;
  if (Lexer::getRawToken(End, Last, SM, LO, /*IgnoreWhiteSpace=*/true))
    return std::nullopt;
  SourceLocation After;
  if (Last.isOneOf(tok::semi, tok::r_brace)) {
    After = Last.getEndLoc();
  } else {
    // An expression statement, or a control statement whose unbraced body
    // is one: its `;` follows the last token.
    std::optional<Token> Next = Lexer::findNextToken(End, SM, LO);
    if (!Next || !Next->is(tok::semi))
      return std::nullopt;
    After = Next->getEndLoc();
  }
  auto [File, Offset] = SM.getDecomposedLoc(After);
  llvm::StringRef Rest = SM.getBufferData(File).substr(Offset);
  llvm::StringRef Line = Rest.take_until([](char C) { return C == '\n'; });
  llvm::StringRef Trimmed = Line.ltrim(" \t");
  if (Trimmed.empty() || Trimmed.starts_with("//"))
    return After.getLocWithOffset(Line.size());
  return After;
}

/// The yield statement and header for code that uses \p D's namespace.
static const YieldVariant *yieldFor(const NamedDecl *D, const Profile &P) {
  if (!D)
    return nullptr;
  std::string Name = "::" + D->getQualifiedNameAsString();
  for (const YieldVariant &V : P.YieldVariants)
    if (llvm::StringRef(Name).starts_with(V.Namespace))
      return &V;
  return nullptr;
}

static const NamedDecl *returnTypeDecl(const FunctionDecl *FD) {
  return FD ? FD->getReturnType()->getAsCXXRecordDecl() : nullptr;
}

static std::optional<Insertion> yieldAfter(const SpawnSite &S,
                                           const ASTContext &Ctx,
                                           const Profile &P,
                                           std::string &WhyNot) {
  if (StringRef(P.YieldStatement).trim().empty()) {
    WhyNot = "no fix-it: profile '" + P.Name +
             "' has no guaranteed yield; configure YieldStatement";
    return std::nullopt;
  }
  if (!S.SpawnerIsCoroutine) {
    WhyNot = "no fix-it: " + displayName(S.Spawner) +
             " is not a coroutine and cannot co_await a yield point";
    return std::nullopt;
  }
  if (!S.Statement || isa<ReturnStmt>(S.Statement) ||
      isa<CoreturnStmt>(S.Statement)) {
    WhyNot = "no fix-it: the spawn is not a statement of its own";
    return std::nullopt;
  }
  auto Loc = endOfStatement(S.Statement, Ctx);
  if (!Loc) {
    WhyNot = "no fix-it: the spawn statement is inside a macro";
    return std::nullopt;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  const YieldVariant *V = yieldFor(
      S.TypeLevel ? returnTypeDecl(S.SpawnedDecl)
                  : static_cast<const NamedDecl *>(S.Call->getDirectCallee()),
      P);
  return Insertion{*Loc,
                   "\n" + indentationAt(S.Statement->getBeginLoc(), SM) +
                       (V ? V->Statement : P.YieldStatement),
                   V ? V->Header : P.YieldHeader};
}

static std::string noFirstYieldReason(const Profile &P) {
  if (StringRef(P.YieldStatement).trim().empty())
    return "no fix-it: profile '" + P.Name +
           "' has no guaranteed yield; configure YieldStatement";
  return "no fix-it: the coroutine body is inside a macro";
}

static std::optional<Insertion> yieldFirst(const FunctionDecl *Coroutine,
                                           const ASTContext &Ctx,
                                           const Profile &P) {
  if (StringRef(P.YieldStatement).trim().empty())
    return std::nullopt;
  auto *CB = Coroutine ? dyn_cast_or_null<CoroutineBodyStmt>(Coroutine->getBody())
                       : nullptr;
  if (!CB)
    return std::nullopt;
  const CompoundStmt *Body = CB->getBody();
  SourceLocation LBrac = Body->getLBracLoc();
  if (LBrac.isInvalid() || LBrac.isMacroID())
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Indent;
  if (!Body->body_empty() &&
      SM.getSpellingLineNumber(Body->body_front()->getBeginLoc()) !=
          SM.getSpellingLineNumber(LBrac))
    Indent = indentationAt(Body->body_front()->getBeginLoc(), SM);
  else
    Indent = indentationAt(LBrac, SM) + "  ";
  const YieldVariant *V = yieldFor(returnTypeDecl(Coroutine), P);
  return Insertion{LBrac.getLocWithOffset(1),
                   "\n" + Indent + (V ? V->Statement : P.YieldStatement),
                   V ? V->Header : P.YieldHeader};
}

//===----------------------------------------------------------------------===//
// Conflicts
//===----------------------------------------------------------------------===//

/// Pairs of a window access and a prefix access to the same storage, at
/// least one a write, one pair per window entity.
static std::vector<std::pair<Access, Access>>
conflictsOf(llvm::ArrayRef<Access> Window, llvm::ArrayRef<Access> Prefix) {
  std::vector<std::pair<Access, Access>> Out;
  llvm::SmallVector<Entity, 4> Reported;
  for (const Access &W : Window) {
    if (llvm::any_of(Reported, [&](const Entity &E) { return E == W.Target; }))
      continue;
    for (const Access &P : Prefix) {
      // A pointer and what it points to are different storage.
      if (!P.Target.overlaps(W.Target) || P.ThroughPointer != W.ThroughPointer ||
          (P.Kind == AccessKind::Read && W.Kind == AccessKind::Read))
        continue;
      Out.push_back({W, P});
      Reported.push_back(W.Target);
      break;
    }
  }
  return Out;
}

std::vector<Access>
Diagnoser::prefixInSpawnerTerms(const SpawnSite &S) const {
  std::vector<Access> Prefix;
  if (!S.Spawned)
    return Prefix;
  for (Access A : I.prefix(S.Spawned).Accesses)
    if (I.mapIntoCaller(S.Spawned, S.SpawnedCall, A))
      Prefix.push_back(A);
  return Prefix;
}

std::vector<std::pair<Access, Access>>
Diagnoser::conflicts(const SpawnSite &S) const {
  return conflictsOf(S.WindowAccesses, prefixInSpawnerTerms(S));
}

//===----------------------------------------------------------------------===//
// Findings
//===----------------------------------------------------------------------===//

/// \p Found in source order, without conditional duplicates of
/// unconditional findings, with one fix per insertion point.
static std::vector<Finding> finish(std::vector<Finding> Found,
                                   const SourceManager &SM) {
  // Source order; findings at one location keep the order they were made in.
  std::vector<unsigned> Order(Found.size());
  for (unsigned N = 0; N < Order.size(); ++N)
    Order[N] = N;
  llvm::sort(Order, [&](unsigned L, unsigned R) {
    SourceLocation LL = Found[L].Loc, RL = Found[R].Loc;
    if (LL != RL)
      return SM.isBeforeInTranslationUnit(LL, RL);
    return L < R;
  });
  std::vector<Finding> Out;
  Out.reserve(Order.size());
  for (unsigned N : Order)
    Out.push_back(std::move(Found[N]));
  // A hazard inside a helper is reported for the coroutine that is spawned;
  // in project mode the helper itself may also be a candidate: keep the
  // finding that needs no other translation unit.
  llvm::DenseSet<std::pair<unsigned, unsigned>> Unconditional;
  for (const Finding &F : Out)
    if (F.RequiresSpawnOf.empty())
      Unconditional.insert({unsigned(F.Kind), F.Loc.getRawEncoding()});
  llvm::erase_if(Out, [&](const Finding &F) {
    return !F.RequiresSpawnOf.empty() &&
           Unconditional.contains({unsigned(F.Kind), F.Loc.getRawEncoding()});
  });
  // One fix per insertion point: several hazards of one spawn share it.
  llvm::DenseSet<unsigned> Fixed;
  for (Finding &F : Out) {
    if (F.Fix && !Fixed.insert(F.Fix->Loc.getRawEncoding()).second)
      F.Fix.reset();
    llvm::erase_if(F.FollowUp, [&](const Insertion &I) {
      return !F.Fix || !Fixed.insert(I.Loc.getRawEncoding()).second;
    });
  }
  return Out;
}

namespace {
struct Builder {
  const Facts &I;
  const Diagnoser &D;
  const ASTContext &Ctx;
  const SourceManager &SM;
  llvm::ArrayRef<CheckKind> Enabled;
  std::vector<Finding> Out;

  bool enabled(CheckKind K) const { return llvm::is_contained(Enabled, K); }
  bool inUserCode(SourceLocation L) const {
    return L.isValid() && !SM.isInSystemHeader(SM.getExpansionLoc(L));
  }

  void add(CheckKind K, SourceLocation Loc, std::string Message,
           std::vector<Note> Notes, std::optional<Insertion> Fix,
           const std::string &WhyNoFix, std::string RequiresSpawnOf = {}) {
    if (!inUserCode(Loc))
      return;
    Finding F{K,
              Loc,
              std::move(Message),
              std::move(Notes),
              std::move(Fix),
              {},
              FileID(),
              {},
              std::move(RequiresSpawnOf)};
    if (!F.Fix)
      F.NoFixReason = WhyNoFix;
    if (F.Fix)
      F.FixFile = SM.getFileID(F.Fix->Loc);
    Out.push_back(std::move(F));
  }

  std::vector<Note> spawnNotes(const SpawnSite &S) {
    std::vector<Note> Notes{{S.Call->getBeginLoc(), "task spawned here"}};
    if (S.Spawned) {
      const PrefixSummary &P = I.prefix(S.Spawned);
      if (!P.FirstSuspensions.empty())
        Notes.push_back({P.FirstSuspensions.front().Expr->getBeginLoc(),
                         "first suspension point of " +
                             displayName(S.Spawned) + " is here"});
    }
    return Notes;
  }

  void windowHazards(const SpawnSite &S) {
    if (S.Start != SpawnStart::Inline)
      return;
    std::string WhyNot;
    std::optional<Insertion> Fix = yieldAfter(S, Ctx, I.Prof, WhyNot);
    std::string Task = displayName(S.Spawned);
    if (S.HandleDestroyed && enabled(CheckKind::CancelBeforeStart))
      handleDestroyed(S, Task, Fix, WhyNot);
    for (const CallOfInterest &C : S.WindowCalls) {
      if (!I.usesHandle(S, C))
        continue;
      auto *Call = cast<CallExpr>(C.Call);
      std::string Handle = "'" + sourceText(handleObject(Call), Ctx) + "'";
      // `create_task(f()).cancel()`: a yield after the statement comes too
      // late, and would be inserted again on every run.
      std::optional<Insertion> CallFix = Fix;
      std::string CallWhyNot = WhyNot;
      if (stripWrappers(implicitObject(Call)) == S.Call) {
        CallFix.reset();
        CallWhyNot = "no fix-it: the spawn statement itself uses the task";
      }
      if (C.Kind == CallOfInterest::Cancel && enabled(CheckKind::CancelBeforeStart)) {
        size_t Before = Out.size();
        add(CheckKind::CancelBeforeStart, Call->getExprLoc(),
            "task " + Handle + " running " + Task +
                " is cancelled before it first suspends: under lazy start " +
                Task + " never runs, under eager start it runs until its "
                "first suspension point and is cancelled there",
            spawnNotes(S), CallFix, CallWhyNot);
        // Another spawn may follow in the same turn: under eager start its
        // prefix would overtake the cancelled task's unwinding.
        bool SpawnFollows = llvm::any_of(S.WindowCalls, [](const CallOfInterest &W) {
          return W.Kind == CallOfInterest::Spawn;
        });
        if (SpawnFollows && Out.size() > Before && Out.back().Fix)
          if (auto After = endOfStatement(Call, Ctx))
            Out.back().FollowUp.push_back(
                {*After,
                 "\n" + indentationAt(Call->getBeginLoc(), SM) +
                     StringRef(Out.back().Fix->Text).ltrim().str(),
                 Out.back().Fix->Header});
      }
      if (C.Kind == CallOfInterest::StateQuery && enabled(CheckKind::DoneAfterSpawn)) {
        auto *Callee = Call->getDirectCallee();
        add(CheckKind::DoneAfterSpawn, Call->getExprLoc(),
            "'" + (Callee ? Callee->getNameAsString() : std::string("state")) +
                "()' on task " + Handle + " running " + Task +
                " right after spawning it: under lazy start the task has not "
                "started yet, under eager start it may already have run or "
                "finished",
            spawnNotes(S), CallFix, CallWhyNot);
      }
    }
    if (!enabled(CheckKind::StateAfterSpawn))
      return;
    std::vector<Access> Prefix = D.prefixInSpawnerTerms(S);
    stateConflicts(S, conflictsOf(S.WindowAccesses, Prefix), Fix, WhyNot, {});
    for (const WindowSegment &Seg : S.CallerWindows)
      callerConflicts(S, Seg, Prefix);
  }

  void handleDestroyed(const SpawnSite &S, const std::string &Task,
                       const std::optional<Insertion> &YieldAfter,
                       const std::string &WhyNotAfter) {
    // A prefix that touches nothing and always suspends: cancelling the task
    // there is what lazy start did (the fixed form of a discarded task).
    if (S.Spawned) {
      const PrefixSummary &P = I.prefix(S.Spawned);
      if (P.Accesses.empty() && P.Calls.empty() && !P.MayFinishWithoutSuspending)
        return;
    }
    bool Discarded = S.HandleDestroyed == S.Call;
    std::string What = Discarded ? "the result of this call is discarded"
                                 : "the task's handle is destroyed here";
    std::string Lazy = S.TypeLevel && Discarded
                           ? "under lazy start a discarded " + Task +
                                 " never runs"
                           : "under lazy start " + Task + " never runs";
    std::vector<Note> Notes = spawnNotes(S);
    SourceLocation Loc = S.HandleDestroyed->getBeginLoc();
    if (auto *E = dyn_cast<Expr>(S.HandleDestroyed))
      Loc = E->getExprLoc();
    else if (isa<CompoundStmt>(S.HandleDestroyed))
      Loc = cast<CompoundStmt>(S.HandleDestroyed)->getRBracLoc();
    // A handle destroyed later in the window: a yield after the spawn lets
    // the task reach its first suspension under both policies. A discarded
    // task whose type is flipped: a yield as its first statement makes the
    // eager prefix empty, so, as under lazy start, destroying the result
    // cancels it before it does anything.
    std::optional<Insertion> Fix;
    std::string WhyNot = WhyNotAfter;
    if (!Discarded)
      Fix = YieldAfter;
    else if (S.TypeLevel && I.flippedType(S.Call->getType()))
      Fix = yieldFirst(S.Spawned, Ctx, I.Prof);
    else
      WhyNot = "no fix-it: keep the result and await it";
    add(CheckKind::CancelBeforeStart, Discarded ? S.Call->getExprLoc() : Loc,
        What + ", which cancels " + Task + " before it first suspends: " +
            Lazy + ", under eager start it runs until its first suspension "
            "point",
        std::move(Notes), Fix, WhyNot);
  }

  /// Maps \p A, in the spawner's terms, through the calls of \p Seg into
  /// the terms of Seg's function.
  bool mapThrough(const SpawnSite &S, const WindowSegment &Seg, Access &A) {
    const FunctionDecl *Callee = S.Spawner;
    for (const CallExpr *Call : Seg.Calls) {
      if (!I.mapIntoCaller(Callee, Call, A))
        return false;
      Callee = Call->getDirectCallee();
    }
    return true;
  }

  void callerConflicts(const SpawnSite &S, const WindowSegment &Seg,
                       llvm::ArrayRef<Access> SpawnerPrefix) {
    std::vector<Access> Prefix;
    for (Access A : SpawnerPrefix)
      if (mapThrough(S, Seg, A))
        Prefix.push_back(A);
    std::string WhyNot;
    std::optional<Insertion> Fix;
    const Stmt *Stmt = Seg.Statement;
    std::optional<SourceLocation> Loc =
        Stmt && !isa<ReturnStmt, CoreturnStmt>(Stmt) ? endOfStatement(Stmt, Ctx)
                                                    : std::nullopt;
    if (!Seg.IsCoroutine)
      WhyNot = "no fix-it: " + displayName(Seg.Function) +
               " is not a coroutine and cannot co_await a yield point";
    else if (!Loc || StringRef(I.Prof.YieldStatement).trim().empty())
      WhyNot = "no fix-it: the call is not a statement of its own";
    else
      Fix = Insertion{*Loc,
                      "\n" + indentationAt(Stmt->getBeginLoc(), SM) +
                          I.Prof.YieldStatement,
                      I.Prof.YieldHeader};
    std::vector<Note> Extra{{Seg.Calls.back()->getBeginLoc(),
                             displayName(Seg.Calls.back()->getDirectCallee()) +
                                 ", which spawns the task, returns here"}};
    stateConflicts(S, conflictsOf(Seg.Accesses, Prefix), Fix, WhyNot,
                   std::move(Extra));
  }

  void stateConflicts(const SpawnSite &S,
                      const std::vector<std::pair<Access, Access>> &Pairs,
                      const std::optional<Insertion> &Fix,
                      const std::string &WhyNot, std::vector<Note> Extra) {
    std::string Task = displayName(S.Spawned);
    for (const auto &[W, P] : Pairs) {
      std::string Name = entityName(W.Target);
      std::string Msg;
      if (W.Kind == AccessKind::Write && P.Kind == AccessKind::Read)
        Msg = Name + " is written after spawning " + Task +
              ", whose prefix reads it: under lazy start " + Task +
              " sees this write, under eager start its prefix has already "
              "run";
      else if (W.Kind == AccessKind::Read)
        Msg = Name + " is read after spawning " + Task +
              ", whose prefix writes it: under lazy start this read sees the "
              "old value, under eager start the prefix's write";
      else
        Msg = Name + " is written after spawning " + Task +
              ", whose prefix also writes it: which write lands last depends "
              "on the start policy";
      std::vector<Note> Notes = spawnNotes(S);
      Notes.insert(Notes.begin() + 1,
                   {P.Where->getExprLoc(),
                    std::string("the coroutine's prefix ") +
                        (P.Kind == AccessKind::Read ? "reads " : "writes ") +
                        Name + " here"});
      llvm::append_range(Notes, Extra);
      add(CheckKind::StateAfterSpawn, W.Where->getExprLoc(), Msg,
          std::move(Notes), Fix, WhyNot);
    }
  }

  /// Timeouts and ambient-task calls in the prefix of a spawned coroutine.
  void prefixHazards(const FunctionDecl *Coroutine, const SpawnSite *Site,
                     const std::string &RequiresSpawnOf) {
    const PrefixSummary &P = I.prefix(Coroutine);
    std::optional<Insertion> Fix = yieldFirst(Coroutine, Ctx, I.Prof);
    std::string Task = displayName(Coroutine);
    std::vector<Note> Notes;
    if (Site)
      Notes.push_back({Site->Call->getBeginLoc(), "task spawned here"});
    if (!P.FirstSuspensions.empty())
      Notes.push_back({P.FirstSuspensions.front().Expr->getBeginLoc(),
                       "first suspension point of " + Task + " is here"});
    llvm::DenseSet<const Expr *> Seen;
    for (const CallOfInterest &C : P.Calls) {
      if (!Seen.insert(C.Call).second)
        continue;
      std::string What = C.Name.substr(C.Name.rfind("::") == std::string::npos
                                           ? 0
                                           : C.Name.rfind("::") + 2);
      if (C.Kind == CallOfInterest::Timeout && enabled(CheckKind::TimeoutInPrefix))
        add(CheckKind::TimeoutInPrefix, C.Call->getExprLoc(),
            "'" + What + "' is entered before " + Task +
                " first suspends: under lazy start it binds to the spawned "
                "task, under eager start to the task that spawned it, which "
                "the timeout then cancels",
            Notes, Fix, noFirstYieldReason(I.Prof),
            RequiresSpawnOf);
      if (C.Kind == CallOfInterest::AmbientTask &&
          enabled(CheckKind::CurrentTaskInPrefix))
        add(CheckKind::CurrentTaskInPrefix, C.Call->getExprLoc(),
            "'" + What + "' runs before " + Task +
                " first suspends: under lazy start it sees the spawned task, "
                "under eager start the task that spawned it",
            Notes, Fix, noFirstYieldReason(I.Prof),
            RequiresSpawnOf);
    }
  }

  /// A path of prefix spawns from \p From back to \p Target.
  bool reaches(const FunctionDecl *From, const FunctionDecl *Target,
               llvm::DenseSet<const FunctionDecl *> &Seen,
               llvm::SmallVectorImpl<const FunctionDecl *> &Path) {
    if (!Seen.insert(From).second)
      return false;
    for (const CallOfInterest &C : I.prefix(From).Calls) {
      if (C.Kind != CallOfInterest::Spawn || !C.Spawned)
        continue;
      Path.push_back(C.Spawned);
      if (C.Spawned == Target || reaches(C.Spawned, Target, Seen, Path))
        return true;
      Path.pop_back();
    }
    return false;
  }

  void recursion(const FunctionDecl *Coroutine) {
    for (const CallOfInterest &C : I.prefix(Coroutine).Calls) {
      if (C.Kind != CallOfInterest::Spawn || !C.Spawned)
        continue;
      llvm::DenseSet<const FunctionDecl *> Seen;
      llvm::SmallVector<const FunctionDecl *, 4> Path{C.Spawned};
      if (C.Spawned != Coroutine && !reaches(C.Spawned, Coroutine, Seen, Path))
        continue;
      std::string Task = displayName(Coroutine);
      std::string Through;
      for (const FunctionDecl *Step : llvm::ArrayRef(Path).drop_back())
        Through += (Through.empty() ? " through " : ", ") + displayName(Step);
      std::vector<Note> Notes;
      const PrefixSummary &P = I.prefix(Coroutine);
      if (!P.FirstSuspensions.empty())
        Notes.push_back({P.FirstSuspensions.front().Expr->getBeginLoc(),
                         "first suspension point of " + Task + " is here"});
      add(CheckKind::RecursiveSpawn, C.Call->getExprLoc(),
          Task + " spawns itself" + Through +
              " before its first suspension point: under lazy start each "
              "spawn is queued, under eager start the chain recurses on the "
              "stack",
          std::move(Notes), yieldFirst(Coroutine, Ctx, I.Prof),
          noFirstYieldReason(I.Prof));
      return; // one finding per coroutine
    }
  }
};
} // namespace

std::vector<Finding>
Diagnoser::findings(llvm::ArrayRef<CheckKind> Enabled) const {
  const SourceManager &SM = I.Ctx.getSourceManager();
  Builder B{I, *this, I.Ctx, SM, Enabled, {}};
  llvm::ArrayRef<SpawnSite> All = I.spawnSites();

  llvm::MapVector<const FunctionDecl *, const SpawnSite *> Spawned;
  llvm::SetVector<const FunctionDecl *> Spawners;
  for (const SpawnSite &S : All) {
    if (!B.inUserCode(S.Call->getBeginLoc()))
      continue;
    B.windowHazards(S);
    if (S.Spawned && S.Start == SpawnStart::Inline)
      Spawned.insert({S.Spawned, &S});
    if (S.SpawnerIsCoroutine)
      Spawners.insert(S.Spawner);
  }
  // Under the child's identity a prefix's timeouts and ambient-task queries
  // act on the child under both start policies.
  if (I.Prof.PrefixIdentity == PrefixIdentityKind::Creator &&
      (B.enabled(CheckKind::TimeoutInPrefix) ||
       B.enabled(CheckKind::CurrentTaskInPrefix))) {
    for (const auto &[FD, Site] : Spawned)
      B.prefixHazards(FD, Site, {});
    if (I.Opts.ProjectMode)
      for (const FunctionDecl *FD : I.functions())
        if (!Spawned.count(FD) && coroutineDefinition(FD) == FD &&
            B.inUserCode(FD->getLocation()))
          B.prefixHazards(FD, nullptr, Analyzer::usr(FD));
  }
  if (B.enabled(CheckKind::RecursiveSpawn))
    for (const FunctionDecl *FD : Spawners)
      B.recursion(FD);
  return finish(std::move(B.Out), SM);
}

} // namespace eagerlint::analysis
