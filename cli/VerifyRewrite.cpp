//===- VerifyRewrite.cpp - Start every recognised spawn lazily ------------===//
//
// `eagerlint verify --profile NAME` compares a program as written with the
// same program in which every spawn recognised by the analysis starts lazily
// (docs/design.md §6). This file makes the second program: it wraps each spawned
// coroutine argument in `::eagerlint_verify::yN::lazy(...)`, whose first step
// is the profile's yield statement when the spawn call started it inline.
//
//===----------------------------------------------------------------------===//

#include "VerifyRewrite.h"
#include "Worker.h"

#include "eagerlint/analysis/Analyzer.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace eagerlint::cli {
namespace {

using namespace clang;

/// The yield statement and header a spawn of \p SpawnFunction needs: the
/// profile's, moved into the namespace that encloses the yield's own in the
/// spawn function's name (Boost.Asio's `boost::asio::co_spawn` gets
/// `boost::asio::post` and `<boost/asio.hpp>` from the `asio` profile).
std::pair<std::string, std::string> yieldFor(const analysis::Profile &P,
                                             llvm::StringRef SpawnFunction) {
  llvm::StringRef Yield = P.YieldStatement;
  auto IsIdent = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  // The yield's root namespace: the first `name::` it spells.
  size_t Colons = Yield.find("::");
  if (Colons == llvm::StringRef::npos)
    return {P.YieldStatement, P.YieldHeader};
  size_t Start = Colons;
  while (Start > 0 && IsIdent(Yield[Start - 1]))
    --Start;
  std::string Root = (Yield.slice(Start, Colons) + "::").str();
  if (Root == "::")
    return {P.YieldStatement, P.YieldHeader};
  llvm::StringRef Name = llvm::StringRef(SpawnFunction).ltrim(':');
  size_t At = Name.find(Root);
  while (At != llvm::StringRef::npos && At != 0 &&
         !Name.substr(0, At).ends_with("::"))
    At = Name.find(Root, At + 1);
  if (At == llvm::StringRef::npos || At == 0)
    return {P.YieldStatement, P.YieldHeader};
  std::string Outer = Name.substr(0, At).str(); // "boost::"

  std::string Moved;
  for (size_t I = 0; I < Yield.size();) {
    bool Boundary = I == 0 || !(IsIdent(Yield[I - 1]) || Yield[I - 1] == ':');
    if (Boundary && Yield.substr(I).starts_with(Root)) {
      Moved += Outer + Root;
      I += Root.size();
      continue;
    }
    Moved += Yield[I++];
  }
  std::string Header = P.YieldHeader;
  llvm::StringRef H = Header;
  if (H.size() > 2 && (H.front() == '<' || H.front() == '"')) {
    llvm::SmallVector<llvm::StringRef> Dirs; // boost::x:: -> boost/x/
    llvm::StringRef(Outer).split(Dirs, "::", -1, /*KeepEmpty=*/false);
    Header = (H.take_front(1) + llvm::join(Dirs, "/") + "/" + H.drop_front(1))
                 .str();
  }
  return {Moved, Header};
}

/// The helpers of one yield statement, in namespace eagerlint_verify::yN.
std::string helpers(unsigned Index, llvm::StringRef Yield,
                    llvm::StringRef Header) {
  std::string N = "y" + std::to_string(Index);
  std::string Include =
      Header.empty() ? "" : ("#include " + Header + "\n").str();
  return Include + "namespace eagerlint_verify::" + N + R"( {
// Cleared when the full-expression that holds the spawn call ends: a wrapper
// whose first step runs while it is still set was started inline by the spawn,
// where a runtime that queues new tasks would have queued it.
struct spawn_call {
  std::shared_ptr<bool> m_inline = std::make_shared<bool>(true);
  ~spawn_call() { *m_inline = false; }
};
template <class A> A lazy_awaitable(A a, std::shared_ptr<bool> started_inline) {
  if (*started_inline) { )" +
         Yield.str() + R"( }
  co_return co_await std::move(a);
}
template <class F> struct lazy_callable {
  F m_f;
  std::shared_ptr<bool> m_inline;
  std::invoke_result_t<F &> operator()() {
    if (*m_inline) { )" +
         Yield.str() + R"( }
    co_return co_await m_f();
  }
};
template <class X> auto lazy(X &&x, spawn_call &&call = spawn_call()) {
  using D = std::decay_t<X>;
  if constexpr (std::is_invocable_v<D &>)
    return lazy_callable<D>{std::forward<X>(x), call.m_inline};
  else
    return lazy_awaitable<D>(std::forward<X>(x), call.m_inline);
}
} // namespace eagerlint_verify::)" +
         N + "\n";
}

std::string lineDirective(unsigned Line, llvm::StringRef File) {
  std::string Escaped;
  for (char C : File) {
    if (C == '\\' || C == '"')
      Escaped += '\\';
    Escaped += C;
  }
  return "#line " + std::to_string(Line) + " \"" + Escaped + "\"\n";
}

/// A text insertion; at one offset, lower Rank ends up later in the text.
struct Insert {
  unsigned Offset;
  int Rank;
  std::string Text;
};
enum : int { RankOpen = 0, RankClose = 1, RankPrelude = 2, RankTop = 3 };

/// Where the prelude goes: before the top-level declaration that holds
/// \p Offset, at the start of its line when nothing else is written there.
std::optional<std::pair<unsigned, bool>>
preludeOffset(ASTContext &Ctx, unsigned Offset) {
  const SourceManager &SM = Ctx.getSourceManager();
  FileID Main = SM.getMainFileID();
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    SourceRange R = D->getSourceRange();
    if (R.isInvalid())
      continue;
    SourceLocation B = SM.getExpansionLoc(R.getBegin());
    SourceLocation E = SM.getExpansionLoc(R.getEnd());
    for (const Attr *A : D->attrs())
      if (A->getRange().isValid()) {
        SourceLocation AB = SM.getExpansionLoc(A->getRange().getBegin());
        if (SM.isBeforeInTranslationUnit(AB, B))
          B = AB;
      }
    if (SM.getFileID(B) != Main || SM.getFileID(E) != Main)
      continue;
    unsigned BO = SM.getFileOffset(B), EO = SM.getFileOffset(E);
    if (Offset < BO || Offset > EO)
      continue;
    llvm::StringRef Buffer = SM.getBufferData(Main);
    unsigned LineStart = BO;
    while (LineStart > 0 && Buffer[LineStart - 1] != '\n')
      --LineStart;
    bool AtLineStart = Buffer.slice(LineStart, BO).trim().empty();
    return std::make_pair(AtLineStart ? LineStart : BO, AtLineStart);
  }
  return std::nullopt;
}

class Rewriter {
public:
  Rewriter(const analysis::Profile &P, llvm::StringRef PresumedName,
           LazyRewrite &Out)
      : P(P), PresumedName(PresumedName), Out(Out) {}

  void run(ASTContext &Ctx) {
    const SourceManager &SM = Ctx.getSourceManager();
    FileID Main = SM.getMainFileID();
    analysis::Analyzer A(Ctx, P);
    std::set<unsigned> Calls, Spawned;
    std::map<std::string, unsigned> Yields; // yield text -> helper index
    std::vector<std::pair<std::string, std::string>> YieldList;
    std::vector<Insert> Inserts;
    std::optional<unsigned> First;
    for (const analysis::SpawnSite &S : A.spawnSites()) {
      // A spawn function handing its task on to another is the same spawn,
      // wrapped where the program calls it.
      if (llvm::is_contained(P.SpawnFunctions,
                             "::" + S.Spawner->getQualifiedNameAsString()))
        continue;
      SourceLocation CallLoc = SM.getExpansionLoc(S.Call->getBeginLoc());
      if (SM.getFileID(CallLoc) != Main) {
        UnwrappedSpawn U{SM.getFilename(CallLoc).str(),
                         SM.getExpansionLineNumber(CallLoc),
                         "in an included file; only the program's own file "
                         "is rewritten"};
        if (Headers.insert({U.File, U.Line}).second)
          Out.Unwrapped.push_back(std::move(U));
        continue;
      }
      // A template instantiated twice shows the same call twice.
      if (!Calls.insert(SM.getFileOffset(CallLoc)).second)
        continue;
      ++Out.Recognised;
      unsigned Line = SM.getExpansionLineNumber(CallLoc);
      const Expr *E = S.SpawnedExpr;
      if (!S.SpawnedDecl || !E || E == S.Call) {
        Out.Unwrapped.push_back(
            {"", Line, "the coroutine it spawns is not recognised"});
        continue;
      }
      SourceLocation B = E->getBeginLoc(), End = E->getEndLoc();
      if (B.isMacroID() || End.isMacroID()) {
        Out.Unwrapped.push_back({"", Line, "it is written inside a macro"});
        continue;
      }
      SourceLocation After =
          Lexer::getLocForEndOfToken(End, 0, SM, Ctx.getLangOpts());
      if (After.isInvalid() || SM.getFileID(B) != Main ||
          SM.getFileID(After) != Main) {
        Out.Unwrapped.push_back(
            {"", Line, "its coroutine argument has no place in the file"});
        continue;
      }
      const FunctionDecl *Callee = S.Call->getDirectCallee();
      auto Yield = yieldFor(P, Callee ? Callee->getQualifiedNameAsString()
                                      : std::string());
      auto [It, New] = Yields.try_emplace(Yield.first, YieldList.size());
      if (New)
        YieldList.push_back(Yield);
      unsigned BO = SM.getFileOffset(B);
      if (!Spawned.insert(BO).second)
        continue;
      Inserts.push_back({BO, RankOpen,
                         "::eagerlint_verify::y" + std::to_string(It->second) +
                             "::lazy("});
      Inserts.push_back({SM.getFileOffset(After), RankClose, ")"});
      First = std::min(First.value_or(BO), BO);
      ++Out.Wrapped;
    }
    if (!First)
      return;
    auto Prelude = preludeOffset(Ctx, *First);
    if (!Prelude) {
      Failed = "cannot find the top-level declaration around the first spawn "
               "site, to place the helpers before it";
      return;
    }
    llvm::StringRef Buffer = SM.getBufferData(Main);
    unsigned PreludeLine = SM.getLineNumber(Main, Prelude->first);
    std::string Text = Prelude->second ? "" : "\n";
    Text += "#include <memory>\n#include <type_traits>\n#include <utility>\n";
    for (unsigned I = 0; I < YieldList.size(); ++I)
      Text += helpers(I, YieldList[I].first, YieldList[I].second);
    Text += lineDirective(PreludeLine, PresumedName);
    Inserts.push_back({Prelude->first, RankPrelude, Text});
    Inserts.push_back({0, RankTop, lineDirective(1, PresumedName)});

    llvm::sort(Inserts, [](const Insert &L, const Insert &R) {
      return L.Offset != R.Offset ? L.Offset > R.Offset : L.Rank < R.Rank;
    });
    std::string Result = Buffer.str();
    for (const Insert &I : Inserts)
      Result.insert(I.Offset, I.Text);
    Out.Text = std::move(Result);
  }

  std::string Failed;

private:
  const analysis::Profile &P;
  llvm::StringRef PresumedName;
  LazyRewrite &Out;
  std::set<std::pair<std::string, unsigned>> Headers;
};

class RewriteConsumer : public ASTConsumer {
public:
  RewriteConsumer(CompilerInstance &CI, Rewriter &R) : CI(CI), R(R) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (!CI.getDiagnostics().hasErrorOccurred())
      R.run(Ctx);
  }

private:
  CompilerInstance &CI;
  Rewriter &R;
};

class RewriteAction : public ASTFrontendAction {
public:
  explicit RewriteAction(Rewriter &R) : R(R) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<RewriteConsumer>(CI, R);
  }

private:
  Rewriter &R;
};

class RewriteActionFactory : public tooling::FrontendActionFactory {
public:
  explicit RewriteActionFactory(Rewriter &R) : R(R) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<RewriteAction>(R);
  }

private:
  Rewriter &R;
};

} // namespace

llvm::Expected<LazyRewrite> rewriteSpawnsLazy(llvm::StringRef Source,
                                              llvm::StringRef PresumedName,
                                              llvm::ArrayRef<std::string> Flags,
                                              const analysis::Profile &P) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  tooling::FixedCompilationDatabase DB(Cwd, Flags);
  tooling::ClangTool Tool(DB, {Source.str()});
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());
  std::string Diagnostics;
  llvm::raw_string_ostream DiagOS(Diagnostics);
  // The printer owns its options (reference counted).
  TextDiagnosticPrinter Printer(DiagOS, new DiagnosticOptions());
  Tool.setDiagnosticConsumer(&Printer);
  Tool.setPrintErrorMessage(false);

  LazyRewrite Out;
  Rewriter R(P, PresumedName, Out);
  RewriteActionFactory Factory(R);
  if (Tool.run(&Factory) != 0) {
    llvm::StringRef First = llvm::StringRef(Diagnostics).trim();
    size_t Error = First.find("error: ");
    if (Error != llvm::StringRef::npos)
      First = First.drop_front(Error);
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "cannot analyse it (%s)",
        First.split('\n').first.str().c_str());
  }
  if (!R.Failed.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   R.Failed.c_str());
  return Out;
}

} // namespace eagerlint::cli
