//===- Accesses.cpp - What a statement reads and writes ---------------------===//
#include "AnalyzerImpl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace eagerlint::analysis {

//===----------------------------------------------------------------------===//
// Accesses and calls of interest (one CFG element at a time)
//===----------------------------------------------------------------------===//

void Analyzer::Impl::addAccessOf(const Expr *E, AccessKind K, const Expr *Where,
                                 std::vector<Access> &Out) {
  if (unshared(E->getType()))
    return;
  if (auto B = baseOf(E)) {
    Access A;
    A.Target = {B->Kind, B->Decl, B->Member};
    A.Kind = K;
    A.Where = Where;
    A.ThroughPointer = B->ThroughPointer;
    addAccess(Out, A);
  }
}

/// The class a standard construction helper builds from the arguments it
/// forwards (`make_unique<T>(a...)`, `v.emplace_back(a...)`), and in \p Skip
/// how many leading arguments are not forwarded (an allocator, a position).
static const CXXRecordDecl *constructedBy(const FunctionDecl *FD,
                                          unsigned &Skip) {
  auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!(MD ? MD->getParent()->isInStdNamespace() : FD->isInStdNamespace()) ||
      !FD->getIdentifier() || !FD->isTemplateInstantiation())
    return nullptr;
  llvm::StringRef Name = FD->getName();
  Skip = 0;
  if (MD) {
    // Containers and optional build their value_type in place.
    if (!llvm::is_contained({"emplace", "emplace_back", "emplace_front",
                             "emplace_hint"},
                            Name))
      return nullptr;
    Skip = Name == "emplace_hint" ||
                   (Name == "emplace" && MD->getNumParams() > 0 &&
                    !MD->getParamDecl(0)->getType()->isReferenceType())
               ? 1 // a position
               : 0;
    for (const NamedDecl *D : MD->getParent()->lookup(
             &FD->getASTContext().Idents.get("value_type")))
      if (auto *TD = dyn_cast<TypedefNameDecl>(D))
        return TD->getUnderlyingType()->getAsCXXRecordDecl();
    return nullptr;
  }
  if (!llvm::is_contained({"make_unique", "make_shared", "make_optional",
                           "allocate_shared"},
                          Name))
    return nullptr;
  Skip = Name == "allocate_shared" ? 1 : 0;
  const TemplateArgumentList *TArgs = FD->getTemplateSpecializationArgs();
  if (!TArgs || TArgs->size() == 0 ||
      TArgs->get(0).getKind() != TemplateArgument::Type)
    return nullptr;
  return TArgs->get(0).getAsType()->getAsCXXRecordDecl();
}

/// How forwarded arguments are used: by the constructors of \p RD that can
/// take them (a write if one of them may write its parameter). None when a
/// candidate is a template or none is visible.
std::optional<llvm::SmallVector<AccessKind, 4>>
Analyzer::Impl::forwardedAccesses(const CXXRecordDecl *RD,
                                  llvm::ArrayRef<const Expr *> Args) {
  unsigned N = Args.size();
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return std::nullopt;
  llvm::SmallVector<AccessKind, 4> Kinds(N, AccessKind::Read);
  bool Any = false;
  for (const Decl *D : RD->decls()) {
    if (auto *FT = dyn_cast<FunctionTemplateDecl>(D);
        FT && isa<CXXConstructorDecl>(FT->getTemplatedDecl()))
      return std::nullopt;
    auto *Ctor = dyn_cast<CXXConstructorDecl>(D);
    if (!Ctor || Ctor->isDeleted() || Ctor->getMinRequiredArguments() > N ||
        (!Ctor->isVariadic() && Ctor->getNumParams() < N))
      continue;
    // A copy or move is a candidate only for an object of the class itself.
    if (const CXXRecordDecl *ArgClass =
            Args.empty() ? nullptr : Args[0]->getType()->getAsCXXRecordDecl();
        Ctor->isCopyOrMoveConstructor() &&
        (!ArgClass || ArgClass->getCanonicalDecl() != RD->getCanonicalDecl()))
      continue;
    Any = true;
    const llvm::SmallVector<bool, 4> *Written = writtenParams(Ctor);
    for (unsigned I = 0; I < N && I < Ctor->getNumParams(); ++I) {
      QualType T = Ctor->getParamDecl(I)->getType();
      if (T->isReferenceType() && !T->getPointeeType().isConstQualified() &&
          (!Written || (*Written)[I]))
        Kinds[I] = AccessKind::Write;
    }
  }
  if (!Any)
    return std::nullopt;
  return Kinds;
}

void Analyzer::Impl::argumentAccesses(const FunctionDecl *FD,
                                      llvm::ArrayRef<const Expr *> Args,
                                      const Expr *Where,
                                      std::vector<Access> &Out) {
  if (!FD)
    return;
  // `std::make_unique<T>(a, b)` hands a and b to T's constructor: what that
  // constructor does with them is the access (a by-value parameter reads).
  unsigned Skip = 0;
  if (const CXXRecordDecl *RD = constructedBy(FD, Skip);
      RD && Args.size() >= Skip)
    if (auto Kinds = forwardedAccesses(RD, Args.drop_front(Skip))) {
      for (unsigned I = Skip; I < Args.size(); ++I)
        if (Args[I]->isGLValue())
          addAccessOf(Args[I], (*Kinds)[I - Skip], Where, Out);
      Args = Args.take_front(Skip);
    }
  const llvm::SmallVector<bool, 4> *Written = writtenParams(FD);
  for (unsigned I = 0, N = std::min<unsigned>(FD->getNumParams(), Args.size());
       I < N; ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    const Expr *Arg = Args[I];
    if (T->isReferenceType()) {
      // A temporary (`&x`, `f()`) bound to a reference is nobody's state.
      if (!Arg->IgnoreImplicit()->isGLValue())
        continue;
      bool Writes = !T->getPointeeType().isConstQualified() &&
                    (!Written || (*Written)[I]);
      addAccessOf(Arg, Writes ? AccessKind::Write : AccessKind::Read, Where,
                  Out);
    } else if (T->isPointerType()) {
      auto *U = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
      if (U && U->getOpcode() == UO_AddrOf)
        addAccessOf(U->getSubExpr(),
                    T->getPointeeType().isConstQualified() ? AccessKind::Read
                                                           : AccessKind::Write,
                    Where, Out);
    }
  }
}

void Analyzer::Impl::collectAccesses(const Stmt *S, std::vector<Access> &Out) {
  if (auto *C = dyn_cast<ImplicitCastExpr>(S)) {
    if (C->getCastKind() == CK_LValueToRValue)
      addAccessOf(C->getSubExpr(), AccessKind::Read, C, Out);
    return;
  }
  if (auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isAssignmentOp()) {
      if (B->isCompoundAssignmentOp())
        addAccessOf(B->getLHS(), AccessKind::Read, B, Out);
      addAccessOf(B->getLHS(), AccessKind::Write, B, Out);
    }
    return;
  }
  if (auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->isIncrementDecrementOp()) {
      addAccessOf(U->getSubExpr(), AccessKind::Read, U, Out);
      addAccessOf(U->getSubExpr(), AccessKind::Write, U, Out);
    }
    return;
  }
  if (auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    // Creating a coroutine's frame runs none of its body (an eager one's
    // prefix is folded in by step(), its parameters mapped).
    if (createsCoroutine(FD))
      return;
    if (ReadOnlyCalls.matches(FD)) {
      // Starting an asynchronous operation reads the I/O object (and what it
      // is given by reference): the object orders its own operations.
      if (const Expr *Obj = implicitObject(Call))
        addAccessOf(Obj, AccessKind::Read, Call, Out);
      for (unsigned I = argumentOffset(Call); I < Call->getNumArgs(); ++I)
        if (Call->getArg(I)->isGLValue())
          addAccessOf(Call->getArg(I), AccessKind::Read, Call, Out);
      return;
    }
    if (const Expr *Obj = implicitObject(Call)) {
      auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
      bool IsAssign = isa<CXXOperatorCallExpr>(Call) &&
                      cast<CXXOperatorCallExpr>(Call)->isAssignmentOp();
      const std::optional<std::vector<Access>> *Fields =
          MD && !IsAssign ? &fieldSummary(MD) : nullptr;
      const Expr *Stripped = Obj->IgnoreParenImpCasts();
      auto B = baseOf(Obj);
      if (Fields && *Fields && isa<CXXThisExpr>(Stripped)) {
        // A call on `this` touches the fields the method touches.
        for (Access A : **Fields) {
          A.Where = Call;
          addAccess(Out, A);
        }
      } else if (Fields && *Fields && B && B->Kind == Entity::Variable &&
                 !B->Member) {
        for (Access A : **Fields) {
          A.Target = {Entity::Variable, B->Decl,
                      cast<FieldDecl>(A.Target.Decl)};
          A.Where = Call;
          A.ThroughPointer = B->ThroughPointer;
          addAccess(Out, A);
        }
      } else {
        bool Reads = MD && !IsAssign && (MD->isConst() || isStdAccessor(MD));
        addAccessOf(Obj, Reads ? AccessKind::Read : AccessKind::Write, Call,
                    Out);
      }
    }
    unsigned Offset = argumentOffset(Call);
    llvm::SmallVector<const Expr *, 4> Args;
    for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
      Args.push_back(Call->getArg(I));
    argumentAccesses(FD, Args, Call, Out);
    return;
  }
  if (auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    argumentAccesses(CE->getConstructor(), Args, CE, Out);
  }
}

/// Whether \p S uses `this` other than to name one of its fields.
static bool usesWholeObject(const Stmt *S, const Stmt *Parent) {
  if (!S)
    return false;
  if (isa<LambdaExpr>(S))
    return true; // may run later, with its own view of the object
  if (isa<CXXThisExpr>(S)) {
    auto *M = dyn_cast_or_null<MemberExpr>(Parent);
    return !M || !isa<FieldDecl>(M->getMemberDecl());
  }
  for (const Stmt *Child : S->children()) {
    const Stmt *Via = S;
    // `this` reaches a MemberExpr through an implicit cast.
    if (auto *C = dyn_cast_or_null<ImplicitCastExpr>(Child);
        C && isa<CXXThisExpr>(C->getSubExpr()->IgnoreParenImpCasts()))
      Via = S, Child = C->getSubExpr()->IgnoreParenImpCasts();
    if (usesWholeObject(Child, Via))
      return true;
  }
  return false;
}


const std::optional<std::vector<Access>> &
Analyzer::Impl::fieldSummary(const CXXMethodDecl *MD) {
  auto [It, Inserted] = FieldSummaries.try_emplace(MD);
  if (!Inserted)
    return It->second;
  const FunctionDecl *Def = MD->getDefinition();
  const Stmt *Body = Def ? Def->getBody() : nullptr;
  if (!Body || isa<CoroutineBodyStmt>(Body) || usesWholeObject(Body, nullptr))
    return FieldSummaries[MD] = std::nullopt;
  std::vector<Access> All, Fields;
  forEachStmt(Body, [&](const Stmt *S) { collectAccesses(S, All); });
  for (const Access &A : All)
    if (A.Target.Kind == Entity::Field)
      addAccess(Fields, A);
  return FieldSummaries[MD] = std::move(Fields);
}

/// Whether \p S refers to the parameter \p PV.
static bool mentions(const Stmt *S, const ParmVarDecl *PV) {
  bool Found = false;
  forEachStmt(S, [&](const Stmt *E) {
    if (auto *DR = dyn_cast<DeclRefExpr>(E); DR && DR->getDecl() == PV)
      Found = true;
  });
  return Found;
}

/// Whether the body lets \p PV's referent escape where a later write
/// through it cannot be seen: its address taken, a non-const reference or
/// pointer bound to it, a reference capture, a reference returned.
static bool escapes(const FunctionDecl *Def, const ParmVarDecl *PV) {
  bool Escapes = false;
  auto Writable = [](QualType T) {
    return (T->isReferenceType() || T->isPointerType()) &&
           !T->getPointeeType().isConstQualified();
  };
  forEachStmt(Def->getBody(), [&](const Stmt *S) {
    if (auto *U = dyn_cast<UnaryOperator>(S);
        U && U->getOpcode() == UO_AddrOf && mentions(U, PV))
      Escapes = true;
    else if (auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (auto *V = dyn_cast<VarDecl>(D);
            V && V->getInit() && Writable(V->getType()) &&
            mentions(V->getInit(), PV))
          Escapes = true;
    } else if (auto *L = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &C : L->captures())
        if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef &&
            C.getCapturedVar() == PV)
          Escapes = true;
    } else if (auto *R = dyn_cast<ReturnStmt>(S)) {
      if (R->getRetValue() && Writable(Def->getReturnType()) &&
          mentions(R->getRetValue(), PV))
        Escapes = true;
    }
  });
  if (auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() && Writable(Init->getMember()->getType()) &&
          mentions(Init->getInit(), PV))
        Escapes = true;
  return Escapes;
}

const llvm::SmallVector<bool, 4> *
Analyzer::Impl::writtenParams(const FunctionDecl *FD) {
  FD = FD->getDefinition();
  if (!FD)
    return nullptr;
  // Inserting first makes a recursive query see "unknown", i.e. written.
  auto [It, Inserted] = WrittenParams.try_emplace(FD);
  if (!Inserted)
    return It->second ? &*It->second : nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Body = FD->getBody();
  if (!Body || isa<CoroutineBodyStmt>(Body) || FD->isVariadic() ||
      SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
    return nullptr;
  std::vector<Access> All;
  forEachStmt(Body, [&](const Stmt *S) { collectAccesses(S, All); });
  if (auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      forEachStmt(Init->getInit(),
                  [&](const Stmt *S) { collectAccesses(S, All); });
  llvm::SmallVector<bool, 4> Written(FD->getNumParams(), false);
  for (const Access &A : All)
    if (auto *PV = dyn_cast<ParmVarDecl>(A.Target.Decl);
        PV && A.Kind == AccessKind::Write && PV->getDeclContext() == FD)
      Written[PV->getFunctionScopeIndex()] = true;
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    Written[I] = Written[I] || escapes(FD, FD->getParamDecl(I));
  auto &Slot = WrittenParams[FD];
  Slot = std::move(Written);
  return &*Slot;
}

void Analyzer::Impl::collectCalls(const Stmt *S,
                                  std::vector<CallOfInterest> &Out) {
  const NamedDecl *D = nullptr;
  const Expr *Where = nullptr;
  if (auto *Call = dyn_cast<CallExpr>(S)) {
    D = Call->getDirectCallee();
    Where = Call;
  } else if (auto *DR = dyn_cast<DeclRefExpr>(S)) {
    // Asio's this_coro tags are variables, not calls.
    if (!isa<VarDecl>(DR->getDecl()))
      return;
    D = DR->getDecl();
    Where = DR;
  }
  if (!D)
    return;
  auto Add = [&](CallOfInterest::KindTy K) {
    CallOfInterest C;
    C.Kind = K;
    C.Call = Where;
    C.Name = D->getQualifiedNameAsString();
    if (K == CallOfInterest::Spawn) {
      auto *Call = cast<CallExpr>(Where);
      C.Spawned = Spawn.matches(D)
                      ? resolveSpawned(Call).Spawned
                      : coroutineDefinition(Call->getDirectCallee());
    }
    Out.push_back(std::move(C));
  };
  if (auto *Call = dyn_cast<CallExpr>(Where)) {
    if (Spawn.matches(D) && !explicitlyLazy(Call) && !deferredStart(Call))
      Add(CallOfInterest::Spawn);
    // Calling an eagerly starting coroutine without awaiting it spawns it.
    else if (isEagerStart(Call->getDirectCallee()) && !isAwaitedOperand(Call))
      Add(CallOfInterest::Spawn);
    if (Cancel.matches(D))
      Add(CallOfInterest::Cancel);
    if (StateQuery.matches(D))
      Add(CallOfInterest::StateQuery);
  }
  if (Timeout.matches(D))
    Add(CallOfInterest::Timeout);
  if (Ambient.matches(D))
    Add(CallOfInterest::AmbientTask);
}

//===----------------------------------------------------------------------===//
// Mapping a callee's accesses into its caller
//===----------------------------------------------------------------------===//

static bool isSmartPointer(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return false;
  llvm::StringRef Name = RD->getName();
  return Name == "shared_ptr" || Name == "unique_ptr" || Name == "weak_ptr";
}

static bool isPointerLike(QualType T) {
  return T->isPointerType() || isSmartPointer(T);
}

/// `this` or `shared_from_this()`: a pointer to the caller's own object.
static bool pointsToThis(const Expr *E) {
  E = stripWrappers(E);
  if (isa_and_nonnull<CXXThisExpr>(E))
    return true;
  auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  return MD && MD->getIdentifier() &&
         (MD->getName() == "shared_from_this" ||
          MD->getName() == "weak_from_this") &&
         isa<CXXThisExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
}

/// Rebinds an access through a pointer that points to the caller's object:
/// `p->queue` becomes the caller's field `queue`.
static bool rebindToThis(Access &A) {
  if (!A.Target.Member)
    return false;
  A.Target = {Entity::Field, A.Target.Member, nullptr};
  A.ThroughPointer = false;
  return true;
}

bool Analyzer::Impl::mapIntoCaller(const FunctionDecl *Callee,
                                   const CallExpr *Call, Access &A) const {
  if (!Callee)
    return false;
  if (A.Target.Kind == Entity::Field) {
    // A lambda's `this` is the enclosing object's.
    if (isLambdaCallOperator(Callee))
      return true;
    const Expr *Obj = Call ? implicitObject(Call) : nullptr;
    if (!Obj)
      return false;
    if (isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
      return true;
    auto B = baseOf(Obj);
    if (!B)
      return false;
    const FieldDecl *Member = B->Member;
    if (!Member && B->Kind == Entity::Variable)
      Member = cast<FieldDecl>(A.Target.Decl);
    A.Target = {B->Kind, B->Decl, Member};
    A.ThroughPointer = B->ThroughPointer;
    return true;
  }
  auto *V = dyn_cast<VarDecl>(A.Target.Decl);
  if (!V)
    return false;
  if (V->hasGlobalStorage())
    return true;
  if (auto *PV = dyn_cast<ParmVarDecl>(V);
      PV && PV->getDeclContext() == Callee) {
    QualType T = PV->getType();
    bool Pointer = isPointerLike(T) && !T->isReferenceType();
    bool Shared = T->isReferenceType() || (Pointer && A.ThroughPointer);
    if (!Call || !Shared)
      return false;
    unsigned Index = PV->getFunctionScopeIndex() + argumentOffset(Call);
    if (Index >= Call->getNumArgs())
      return false;
    const Expr *Arg = stripWrappers(Call->getArg(Index));
    if (Pointer && pointsToThis(Arg))
      return rebindToThis(A);
    auto B = baseOf(Arg);
    if (!B)
      return false;
    const FieldDecl *Member = B->Member ? B->Member : A.Target.Member;
    A.Target = {B->Kind, B->Decl,
                B->Kind == Entity::Variable ? Member : nullptr};
    // Through a pointer argument the callee reaches the pointee, unless the
    // argument is the address of the caller's own variable.
    auto *U = dyn_cast<UnaryOperator>(Arg);
    bool AddressOf = U && U->getOpcode() == UO_AddrOf;
    A.ThroughPointer = Pointer ? (!AddressOf || B->ThroughPointer)
                               : (A.ThroughPointer || B->ThroughPointer);
    return true;
  }
  // `[self = shared_from_this()]`: the capture points to the object.
  if (V->isInitCapture() && isLambdaCallOperator(Callee) && A.ThroughPointer &&
      isPointerLike(V->getType()) && V->getInit() && pointsToThis(V->getInit()))
    return rebindToThis(A);
  const DeclContext *Owner = V->getParentFunctionOrMethod();
  if (Owner == Callee)
    return false;
  // A variable of an enclosing function: shared if the lambda captured it by
  // reference, or captured a pointer to what is accessed.
  if (isLambdaCallOperator(Callee)) {
    llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
    FieldDecl *ThisCapture = nullptr;
    cast<CXXMethodDecl>(Callee)->getParent()->getCaptureFields(Captures,
                                                               ThisCapture);
    auto It = Captures.find(V);
    if (It == Captures.end())
      return false;
    return It->second->getType()->isReferenceType() ||
           (A.ThroughPointer && isPointerLike(V->getType()));
  }
  return false;
}

} // namespace eagerlint::analysis
