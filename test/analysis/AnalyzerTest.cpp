//===- AnalyzerTest.cpp - Prefixes, windows and accesses, by marker -------===//
//
// Each test states its expectation next to the code, as clang's
// UncheckedOptionalAccessModelTest does: `// [[prefix]]` on a line whose
// statement may run before the coroutine's first suspension,
// `// [[not-prefix]]` on one that may not, `// [[window]]` /
// `// [[not-window]]` for the spawner's window, `// [[conflict]]` on the
// window access that conflicts with the spawned prefix.
//
//===----------------------------------------------------------------------===//
#include "eagerlint/analysis/Testing.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringRef.h"
#include "gtest/gtest.h"
#include <map>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;
using namespace eagerlint::analysis;

namespace {

// A self-contained <coroutine> and a runtime with the reference profile's
// names, so the tests do not depend on the system's standard library.
constexpr llvm::StringLiteral Prelude = R"cc(
namespace std {
template <class R, class...> struct coroutine_traits {
  using promise_type = typename R::promise_type;
};
template <class P = void> struct coroutine_handle;
template <> struct coroutine_handle<void> {
  void *p = nullptr;
  static coroutine_handle from_address(void *a) noexcept { coroutine_handle h; h.p = a; return h; }
  void *address() const noexcept { return p; }
};
template <class P> struct coroutine_handle : coroutine_handle<> {
  static coroutine_handle from_address(void *a) noexcept { coroutine_handle h; h.p = a; return h; }
};
struct suspend_always {
  constexpr bool await_ready() const noexcept { return false; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};
struct suspend_never {
  constexpr bool await_ready() const noexcept { return true; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> typename remove_reference<T>::type &&move(T &&t) noexcept;
} // namespace std

namespace eagerlint::rt {
struct task {
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
struct task_handle {
  bool cancel();
  bool done() const;
  bool cancelled() const;
  void result() const;
};
enum class start_policy { lazy, eager };
task_handle create_task(task t);
task_handle create_task(task t, start_policy p);
struct event_loop { task_handle create_task(task t); };
struct yield_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
yield_awaiter yield_now();
yield_awaiter sleep(double seconds);
struct task_ref { bool cancel(); };
task_ref current_task();
yield_awaiter timeout(double seconds, task t);
struct event { void set(); void clear(); yield_awaiter wait(); };
} // namespace eagerlint::rt

struct eager_task {
  struct promise_type {
    eager_task get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};
struct maybe_awaiter {
  bool flag;
  bool await_ready() const noexcept { return flag; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
struct odd_task {
  struct promise_type {
    odd_task get_return_object() noexcept { return {}; }
    maybe_awaiter initial_suspend() noexcept { return {true}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};
struct ready_awaiter {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
struct configured_awaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
using namespace eagerlint::rt;
)cc";

class AnalyzerTest : public ::testing::Test {
protected:
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<AnalyzerForTesting> A;
  std::map<std::string, std::set<unsigned>> Markers;

  void parse(llvm::StringRef Code, Profile P = *Profile::builtin("reference")) {
    std::string Full = (Prelude + Code).str();
    unsigned Line = 1;
    for (llvm::StringRef Rest = Full; !Rest.empty(); ++Line) {
      auto [Text, Tail] = Rest.split('\n');
      for (size_t Pos = Text.find("[["); Pos != llvm::StringRef::npos;
           Pos = Text.find("[[", Pos + 2)) {
        size_t End = Text.find("]]", Pos);
        if (End != llvm::StringRef::npos && Text.substr(0, Pos).contains("//"))
          Markers[Text.slice(Pos + 2, End).str()].insert(Line);
      }
      Rest = Tail;
    }
    AST = tooling::buildASTFromCodeWithArgs(Full, {"-std=c++20", "-Wno-unused"},
                                            "input.cpp");
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
    A = std::make_unique<AnalyzerForTesting>(AST->getASTContext(),
                                             std::move(P));
  }

  const FunctionDecl *function(llvm::StringRef Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition(),
                                    unless(isTemplateInstantiation()))
                           .bind("f"),
                       AST->getASTContext());
    return Found.empty() ? nullptr
                         : Found.front().getNodeAs<FunctionDecl>("f");
  }

  const FunctionDecl *instantiation(llvm::StringRef Name, unsigned N = 0) {
    auto Found =
        match(functionDecl(hasName(Name), isTemplateInstantiation()).bind("f"),
              AST->getASTContext());
    return N < Found.size() ? Found[N].getNodeAs<FunctionDecl>("f") : nullptr;
  }

  const FunctionDecl *lambdaIn(llvm::StringRef Parent) {
    auto Found =
        match(lambdaExpr(hasAncestor(functionDecl(hasName(Parent)))).bind("l"),
              AST->getASTContext());
    return Found.empty()
               ? nullptr
               : Found.front().getNodeAs<LambdaExpr>("l")->getCallOperator();
  }

  unsigned line(SourceLocation L) {
    return AST->getSourceManager().getSpellingLineNumber(L);
  }

  std::set<unsigned> lines(const std::vector<const Stmt *> &Elements) {
    std::set<unsigned> Out;
    for (const Stmt *S : Elements)
      Out.insert(line(S->getBeginLoc()));
    return Out;
  }

  /// Every `[[Yes]]` line is in \p Got, no `[[No]]` line is.
  void expectMarkers(const std::set<unsigned> &Got, const std::string &Yes,
                     const std::string &No) {
    ASSERT_FALSE(Markers[Yes].empty() && Markers[No].empty())
        << "test has no [[" << Yes << "]] or [[" << No << "]] marker";
    for (unsigned L : Markers[Yes])
      EXPECT_TRUE(Got.count(L)) << "line " << L << " should be " << Yes;
    for (unsigned L : Markers[No])
      EXPECT_FALSE(Got.count(L)) << "line " << L << " should be " << No;
  }

  /// The markers of the test hold for the union of the prefixes of \p Fns.
  void expectPrefix(std::initializer_list<const FunctionDecl *> Fns) {
    std::set<unsigned> Got;
    for (const FunctionDecl *FD : Fns) {
      ASSERT_NE(FD, nullptr);
      auto L = lines(A->prefix(FD).Elements);
      Got.insert(L.begin(), L.end());
    }
    expectMarkers(Got, "prefix", "not-prefix");
  }

  std::set<std::string> accessed(const std::vector<Access> &Accesses,
                                 AccessKind K) {
    std::set<std::string> Out;
    for (const Access &Acc : Accesses)
      if (Acc.Kind == K)
        Out.insert(Acc.Target.Decl->getNameAsString());
    return Out;
  }

  std::vector<Finding> findings(std::vector<CheckKind> Kinds) {
    return A->findings(Kinds);
  }
};

using Names = std::set<std::string>;

TEST_F(AnalyzerTest, ImplicitInitialAndFinalAwaitsAreNotSuspensionPoints) {
  parse(R"cc(
    int g;
    task child() {
      g = 1; // [[prefix]]
      co_return;
    }
  )cc");
  const FunctionDecl *FD = function("child");
  expectPrefix({FD});
  EXPECT_TRUE(A->suspensionPoints(FD).empty());
  EXPECT_TRUE(A->prefix(FD).MayFinishWithoutSuspending);
  EXPECT_TRUE(A->prefix(FD).FirstSuspensions.empty());
}

TEST_F(AnalyzerTest, SuspendNeverAndConstantReadyAwaitsDoNotEndThePrefix) {
  parse(R"cc(
    int a, b, c;
    task child() {
      co_await std::suspend_never{};
      a = 1; // [[prefix]]
      co_await ready_awaiter{};
      b = 1; // [[prefix]]
      co_await yield_now();
      c = 1; // [[not-prefix]]
    }
  )cc");
  const FunctionDecl *FD = function("child");
  expectPrefix({FD});
  auto Points = A->suspensionPoints(FD);
  ASSERT_EQ(Points.size(), 3u);
  EXPECT_EQ(Points[0].Kind, SuspendKind::Never);
  EXPECT_EQ(Points[1].Kind, SuspendKind::Never);
  EXPECT_EQ(Points[2].Kind, SuspendKind::May);
  EXPECT_FALSE(A->prefix(FD).MayFinishWithoutSuspending);
}

TEST_F(AnalyzerTest, ConfiguredNeverSuspendingAwaitable) {
  Profile P = *Profile::builtin("reference");
  Profile::addNames(P.NeverSuspendingAwaitables, "::configured_awaiter");
  parse(R"cc(
    int a, b;
    task child() {
      co_await configured_awaiter{};
      a = 1; // [[prefix]]
      co_await maybe_awaiter{false};
      b = 1; // [[not-prefix]]
    }
  )cc",
        P);
  expectPrefix({function("child")});
}

TEST_F(AnalyzerTest, SuspensionOnOneBranchOnly) {
  parse(R"cc(
    int a, b;
    task child(bool c) {
      if (c) {
        co_await yield_now();
        a = 1; // [[not-prefix]]
      }
      b = 2; // [[prefix]]
      co_await yield_now();
    }
  )cc");
  expectPrefix({function("child")});
}

TEST_F(AnalyzerTest, EarlyCoReturnFinishesWithoutSuspending) {
  parse(R"cc(
    int x, y;
    task child(bool c) {
      if (c)
        co_return;
      x = 1; // [[prefix]]
      co_await yield_now();
      y = 1; // [[not-prefix]]
    }
  )cc");
  const FunctionDecl *FD = function("child");
  expectPrefix({FD});
  EXPECT_TRUE(A->prefix(FD).MayFinishWithoutSuspending);
  EXPECT_EQ(A->prefix(FD).FirstSuspensions.size(), 1u);
}

TEST_F(AnalyzerTest, LoopWhoseFirstIterationSuspends) {
  parse(R"cc(
    int n, done;
    task child() {
      while (n > 0) { // [[prefix]]
        co_await yield_now();
        --n; // [[not-prefix]]
      }
      done = 1; // [[prefix]]
    }
    task forever() {
      for (;;) {
        co_await yield_now();
      }
      done = 2; // [[not-prefix]]
    }
  )cc");
  expectPrefix({function("child"), function("forever")});
  EXPECT_FALSE(A->prefix(function("forever")).MayFinishWithoutSuspending);
}

TEST_F(AnalyzerTest, TryCatchAroundTheFirstSuspension) {
  parse(R"cc(
    int a, b, c;
    task child() {
      try {
        a = 1; // [[prefix]]
        co_await sleep(1);
        c = 1; // [[not-prefix]]
      } catch (...) {
        b = 2; // [[not-prefix]]
      }
    }
  )cc");
  expectPrefix({function("child")});
}

TEST_F(AnalyzerTest, LambdaCoroutine) {
  parse(R"cc(
    int g;
    void host() {
      auto l = []() -> task {
        g = 1; // [[prefix]]
        co_await yield_now();
        g = 2; // [[not-prefix]]
      };
      (void)l;
    }
  )cc");
  expectPrefix({lambdaIn("host")});
}

TEST_F(AnalyzerTest, MemberCoroutineAccessesFieldsThroughThis) {
  parse(R"cc(
    struct service {
      int hits = 0;
      int misses = 0;
      task run() {
        ++hits; // [[prefix]]
        co_await yield_now();
        ++misses; // [[not-prefix]]
      }
    };
  )cc");
  const FunctionDecl *FD = function("run");
  expectPrefix({FD});
  const PrefixSummary &P = A->prefix(FD);
  EXPECT_EQ(accessed(P.Accesses, AccessKind::Write), Names{"hits"});
  for (const Access &Acc : P.Accesses)
    EXPECT_EQ(Acc.Target.Kind, Entity::Field);
}

TEST_F(AnalyzerTest, TemplatesDependentAndInstantiated) {
  parse(R"cc(
    int before, after;
    template <class Awaitable> task wait_on(Awaitable aw) {
      before = 1; // [[prefix]]
      co_await aw;
      after = 1;
    }
    void use() {
      (void)wait_on(yield_now());
      (void)wait_on(std::suspend_never{});
    }
  )cc");
  const FunctionDecl *Pattern = function("wait_on");
  ASSERT_NE(Pattern, nullptr);
  auto Points = A->suspensionPoints(Pattern);
  ASSERT_EQ(Points.size(), 1u);
  EXPECT_EQ(Points[0].Kind, SuspendKind::May);
  expectPrefix({Pattern});
  EXPECT_EQ(accessed(A->prefix(Pattern).Accesses, AccessKind::Write),
            Names{"before"});

  unsigned Suspending = 0, Through = 0;
  for (unsigned I = 0; I < 2; ++I) {
    const FunctionDecl *Inst = instantiation("wait_on", I);
    ASSERT_NE(Inst, nullptr);
    Names Writes = accessed(A->prefix(Inst).Accesses, AccessKind::Write);
    if (Writes == Names{"before"})
      ++Suspending;
    if (Writes == (Names{"before", "after"}))
      ++Through;
  }
  EXPECT_EQ(Suspending, 1u);
  EXPECT_EQ(Through, 1u);
}

TEST_F(AnalyzerTest, InlineAwaitedHelpersTwoLevelsDeep) {
  parse(R"cc(
    int leaf, mid, after, o, q, p;
    task inner() {
      leaf = 1;
      co_await yield_now();
    }
    task middle() {
      mid = 1;
      co_await inner();
      after = 1;
    }
    task outer() {
      co_await middle();
      o = 1; // [[not-prefix]]
    }
    task quick() {
      q = 1;
      co_return;
    }
    task outer2() {
      co_await quick();
      p = 1; // [[prefix]]
      co_await yield_now();
    }
  )cc");
  const PrefixSummary &Outer = A->prefix(function("outer"));
  EXPECT_EQ(accessed(Outer.Accesses, AccessKind::Write),
            (Names{"leaf", "mid"}));
  EXPECT_FALSE(Outer.MayFinishWithoutSuspending);
  ASSERT_EQ(Outer.FirstSuspensions.size(), 1u);
  // The first suspension is the one inside inner().
  EXPECT_TRUE(Outer.FirstSuspensions[0].Expr->getBeginLoc() >
              function("inner")->getBeginLoc());
  EXPECT_TRUE(Outer.FirstSuspensions[0].Expr->getBeginLoc() <
              function("middle")->getBeginLoc());
  expectPrefix({function("outer"), function("outer2")});

  const PrefixSummary &Outer2 = A->prefix(function("outer2"));
  EXPECT_EQ(accessed(Outer2.Accesses, AccessKind::Write), (Names{"q", "p"}));
}

TEST_F(AnalyzerTest, MutualRecursionTerminates) {
  parse(R"cc(
    int x;
    task ping(int n);
    task pong(int n) { co_await ping(n - 1); }
    task ping(int n) {
      if (n)
        co_await pong(n);
      x = 1;
    }
  )cc");
  const PrefixSummary &Ping = A->prefix(function("ping"));
  EXPECT_TRUE(Ping.MayFinishWithoutSuspending);
  EXPECT_EQ(accessed(Ping.Accesses, AccessKind::Write), Names{"x"});
  const PrefixSummary &Pong = A->prefix(function("pong"));
  EXPECT_EQ(accessed(Pong.Accesses, AccessKind::Write), Names{"x"});
}

TEST_F(AnalyzerTest, HandleCopiedIntoASecondVariable) {
  parse(R"cc(
    task child() { co_await yield_now(); }
    task spawner() {
      auto t = create_task(child());
      auto t2 = t; // [[window]]
      t2.cancel(); // [[window]]
      co_await yield_now();
      t.cancel(); // [[not-window]]
    }
  )cc");
  auto Sites = A->spawnSitesIn(function("spawner"));
  ASSERT_EQ(Sites.size(), 1u);
  const SpawnSite &S = Sites[0];
  EXPECT_EQ(S.Spawned, function("child"));
  EXPECT_TRUE(S.SpawnerIsCoroutine);
  ASSERT_EQ(S.Handles.size(), 2u);
  EXPECT_EQ(S.Handles[0]->getName(), "t");
  EXPECT_EQ(S.Handles[1]->getName(), "t2");
  expectMarkers(lines(S.Window), "window", "not-window");
  auto F = findings({CheckKind::CancelBeforeStart});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(line(F[0].Loc), *Markers["window"].rbegin());
  EXPECT_TRUE(F[0].Fix.has_value());
}

TEST_F(AnalyzerTest, SpawnInNonCoroutineWindowRunsToExit) {
  parse(R"cc(
    int g;
    task child() { co_await yield_now(); }
    void starter(bool c) {
      auto t = create_task(child());
      g = 5; // [[window]]
      if (c)
        return;
      t.cancel(); // [[window]]
    }
  )cc");
  auto Sites = A->spawnSitesIn(function("starter"));
  ASSERT_EQ(Sites.size(), 1u);
  EXPECT_FALSE(Sites[0].SpawnerIsCoroutine);
  EXPECT_TRUE(Sites[0].WindowEnds.empty());
  expectMarkers(lines(Sites[0].Window), "window", "not-window");
  auto F = findings({CheckKind::CancelBeforeStart});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_FALSE(F[0].Fix.has_value());
  EXPECT_NE(F[0].NoFixReason.find("'starter' is not a coroutine"),
            std::string::npos)
      << F[0].NoFixReason;
  // The reason is a note of its own, never part of the message.
  EXPECT_EQ(F[0].Message.find("no fix-it"), std::string::npos) << F[0].Message;
}

TEST_F(AnalyzerTest, ConflictsThroughGlobalsReferencesCapturesAndThis) {
  parse(R"cc(
    int config;
    int unrelated;
    task reads_global() { int v = config; (void)v; co_await yield_now(); }
    task reads_ref(const int &r) { int v = r; (void)v; co_await yield_now(); }
    task reads_value(int r) { int v = r; (void)v; co_await yield_now(); }
    task writes_ptr(int *p) { *p = 1; co_await yield_now(); }
    struct service {
      int state = 0;
      task run() { int v = state; (void)v; co_await yield_now(); }
      task start() {
        create_task(run());
        state = 2; // [[conflict]]
        co_await yield_now();
      }
    };
    task spawner() {
      int local = 0, other = 0, value = 0, out = 0;
      create_task(reads_global());
      config = 1; // [[conflict]]
      unrelated = 1;
      create_task(reads_ref(local));
      local = 1; // [[conflict]]
      other = 1;
      create_task(reads_value(value));
      value = 1;
      create_task(writes_ptr(&out));
      int seen = out; // [[conflict]]
      (void)seen;
      create_task([&]() -> task { other += 1; co_await yield_now(); }());
      other = 3; // [[conflict]]
      create_task([=]() -> task { int v = value; (void)v; co_await yield_now(); }());
      value = 4;
      co_await yield_now();
    }
  )cc");
  std::set<unsigned> Conflicting;
  std::set<std::string> Entities;
  for (const SpawnSite &S : A->spawnSites())
    for (const auto &[W, P] : A->conflicts(S)) {
      Conflicting.insert(line(W.Where->getExprLoc()));
      Entities.insert(W.Target.Decl->getNameAsString());
    }
  EXPECT_EQ(Conflicting, Markers["conflict"]);
  EXPECT_EQ(Entities, (Names{"config", "local", "out", "other", "state"}));
  auto F = findings({CheckKind::StateAfterSpawn});
  EXPECT_EQ(F.size(), Markers["conflict"].size());
  for (const Finding &Fd : F) {
    ASSERT_GE(Fd.Notes.size(), 2u);
    EXPECT_EQ(Fd.Notes[0].Message, "task spawned here");
    EXPECT_NE(Fd.Notes[1].Message.find("the coroutine's prefix"),
              std::string::npos);
  }
}

TEST_F(AnalyzerTest, SuspensionBetweenSpawnAndUseClosesTheWindow) {
  parse(R"cc(
    int config;
    task child() { int v = config; (void)v; co_await yield_now(); }
    task spawner() {
      auto t = create_task(child());
      co_await yield_now();
      config = 2; // [[not-window]]
      t.cancel(); // [[not-window]]
      (void)t.done(); // [[not-window]]
    }
  )cc");
  auto Sites = A->spawnSitesIn(function("spawner"));
  ASSERT_EQ(Sites.size(), 1u);
  EXPECT_EQ(Sites[0].WindowEnds.size(), 1u);
  expectMarkers(lines(Sites[0].Window), "window", "not-window");
  EXPECT_TRUE(findings({CheckKind::CancelBeforeStart, CheckKind::DoneAfterSpawn,
                        CheckKind::StateAfterSpawn})
                  .empty());
}

TEST_F(AnalyzerTest, StartPolicyFromTheInitialSuspend) {
  parse(R"cc(
    task lazy() { co_return; }
    eager_task eager() { co_return; }
    odd_task unknown() { co_return; }
    int plain() { return 0; }
  )cc");
  EXPECT_EQ(A->startPolicy(function("lazy")), StartPolicy::Lazy);
  EXPECT_EQ(A->startPolicy(function("eager")), StartPolicy::Eager);
  EXPECT_EQ(A->startPolicy(function("unknown")), StartPolicy::Unknown);
  EXPECT_EQ(A->startPolicy(function("plain")), StartPolicy::Unknown);
}

TEST_F(AnalyzerTest, CallingAnEagerCoroutineRunsItsPrefixInTheCaller) {
  parse(R"cc(
    int side;
    eager_task kick() { side = 1; co_await yield_now(); }
    task child() {
      kick(); // [[prefix]]
      co_await yield_now();
    }
  )cc");
  expectPrefix({function("child")});
  EXPECT_EQ(accessed(A->prefix(function("child")).Accesses, AccessKind::Write),
            Names{"side"});
}

TEST_F(AnalyzerTest, EachCheckKindAndOneFixPerInsertionPoint) {
  parse(R"cc(
    task worker() {
      (void)current_task();
      co_await timeout(1, worker());
    }
    task chain(int n) {
      create_task(chain(n - 1));
      co_await yield_now();
    }
    task spawner() {
      auto t = create_task(worker());
      if (!t.done())
        t.cancel();
      co_await yield_now();
    }
  )cc");
  std::vector<CheckKind> All;
  for (unsigned I = 0; I < NumCheckKinds; ++I)
    All.push_back(static_cast<CheckKind>(I));
  auto F = findings(All);
  std::multiset<std::string> Kinds;
  unsigned Fixes = 0;
  for (const Finding &Fd : F) {
    Kinds.insert(checkName(Fd.Kind).str());
    Fixes += Fd.Fix.has_value();
  }
  EXPECT_EQ(Kinds, (std::multiset<std::string>{
                       "eager-cancel-before-start", "eager-current-task-in-prefix",
                       "eager-done-after-spawn", "eager-recursive-spawn",
                       "eager-timeout-in-prefix"}));
  // worker's prefix hazards share one insertion, spawner's window hazards
  // another, chain's recursion a third.
  EXPECT_EQ(Fixes, 3u);
  for (const Finding &Fd : F)
    if (Fd.Fix)
      EXPECT_NE(Fd.Fix->Text.find("co_await eagerlint::rt::yield_now();"),
                std::string::npos);
}

TEST_F(AnalyzerTest, ProjectModeReportsUnspawnedCoroutinesConditionally) {
  parse(R"cc(
    task handler() {
      (void)current_task();
      co_await yield_now();
    }
  )cc");
  EXPECT_TRUE(findings({CheckKind::CurrentTaskInPrefix}).empty());
  Analyzer::Options O;
  O.ProjectMode = true;
  Analyzer Project(AST->getASTContext(), *Profile::builtin("reference"), O);
  auto F = Project.findings({CheckKind::CurrentTaskInPrefix});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].RequiresSpawnOf, Analyzer::usr(function("handler")));
  EXPECT_FALSE(F[0].RequiresSpawnOf.empty());
}

TEST_F(AnalyzerTest, TemplatedHandleMethodsMatchByTheirPattern) {
  Profile P;
  P.Name = "custom";
  P.SpawnFunctions = {"::lib::spawn"};
  P.CancelFunctions = {"::lib::handle::cancel"};
  P.StateQueryFunctions = {"::lib::handle::done"};
  P.YieldStatement = "co_await yield_now();";
  parse(R"cc(
    namespace lib {
    template <class T> struct handle { bool cancel() const; bool done() const; };
    template <class T> handle<T> spawn(task t);
    }
    task child() { co_await yield_now(); }
    task spawner() {
      auto h = lib::spawn<int>(child());
      if (!h.done())
        h.cancel();
      co_await yield_now();
    }
  )cc",
        P);
  auto F = findings({CheckKind::CancelBeforeStart, CheckKind::DoneAfterSpawn});
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Kind, CheckKind::DoneAfterSpawn);
  EXPECT_EQ(F[1].Kind, CheckKind::CancelBeforeStart);
}

TEST_F(AnalyzerTest, StructuredBindingInAWindowDoesNotCrash) {
  parse(R"cc(
    struct pair { int a, b; };
    namespace std {
    template <class T> struct tuple_size;
    template <unsigned long I, class T> struct tuple_element;
    }
    struct tpair {
      int a, b;
      template <unsigned long I> int &get() { return I == 0 ? a : b; }
    };
    template <> struct std::tuple_size<tpair> { static constexpr unsigned long value = 2; };
    template <unsigned long I> struct std::tuple_element<I, tpair> { using type = int; };
    task job() { co_await yield_now(); }
    task spawner() {
      auto h = create_task(job());
      pair p{1, 2};
      auto &[a, b] = p;
      pair all[2] = {{1, 2}, {3, 4}};
      for (auto &[x, y] : all)
        (void)(x + y);
      tpair tuples[2] = {{1, 2}, {3, 4}};
      for (auto &[u, v] : tuples)
        (void)(u + v);
      h.cancel(); // [[window]]
      co_await yield_now();
      (void)a; (void)b;
    }
  )cc");
  auto Sites = A->spawnSitesIn(function("spawner"));
  ASSERT_EQ(Sites.size(), 1u);
  expectMarkers(lines(Sites[0].Window), "window", "not-window");
  EXPECT_EQ(findings({CheckKind::CancelBeforeStart}).size(), 1u);
}

TEST_F(AnalyzerTest, SiblingSpawnsSharingAReferenceDoNotConflict) {
  parse(R"cc(
    struct registry { int members = 0; void enroll() { ++members; } };
    task service(registry &r) { r.enroll(); co_await yield_now(); }
    task start() {
      registry r;
      create_task(service(r));
      create_task(service(r));
      r.enroll(); // [[conflict]]
      co_await yield_now();
    }
  )cc");
  std::set<unsigned> Conflicting;
  for (const SpawnSite &S : A->spawnSites())
    for (const auto &[W, P] : A->conflicts(S))
      Conflicting.insert(line(W.Where->getExprLoc()));
  EXPECT_EQ(Conflicting, Markers["conflict"]);
}

TEST_F(AnalyzerTest, FixAfterAnUnbracedLoopBodyGoesAfterItsSemicolon) {
  parse(R"cc(
    int seen;
    task crawl(int depth) { int v = seen; (void)v; co_await yield_now(); }
    task spawner(int n) {
      for (int i = 0; i < n; ++i)
        if (i % 2)
          create_task(crawl(i));
      seen = 1;
      co_await yield_now();
    }
  )cc");
  auto F = findings({CheckKind::StateAfterSpawn});
  ASSERT_EQ(F.size(), 1u);
  ASSERT_TRUE(F[0].Fix.has_value());
  const SourceManager &SM = AST->getSourceManager();
  auto [File, Offset] = SM.getDecomposedLoc(F[0].Fix->Loc);
  llvm::StringRef Before = SM.getBufferData(File).substr(0, Offset);
  EXPECT_TRUE(Before.ends_with("create_task(crawl(i));")) << Before.take_back(40).str();
  EXPECT_EQ(F[0].Fix->Text, "\n      co_await eagerlint::rt::yield_now();");
}

TEST_F(AnalyzerTest, HazardInAnInlineHelperIsReportedOnceInProjectMode) {
  parse(R"cc(
    task enroll() { (void)current_task(); co_await yield_now(); }
    task service() { co_await enroll(); }
    task start() { create_task(service()); co_await yield_now(); }
  )cc");
  Analyzer::Options O;
  O.ProjectMode = true;
  Analyzer Project(AST->getASTContext(), *Profile::builtin("reference"), O);
  auto F = Project.findings({CheckKind::CurrentTaskInPrefix});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_TRUE(F[0].RequiresSpawnOf.empty());
}

TEST_F(AnalyzerTest, AnExplicitlyLazySpawnDoesNotFlip) {
  parse(R"cc(
    task child() { co_await yield_now(); }
    void drive() {
      auto lazy = create_task(child(), start_policy::lazy);
      while (!lazy.done()) {
      }
      auto eager = create_task(child(), start_policy::eager);
      (void)eager.done();
    }
  )cc");
  auto Sites = A->spawnSitesIn(function("drive"));
  ASSERT_EQ(Sites.size(), 1u);
  ASSERT_EQ(Sites[0].Handles.size(), 1u);
  EXPECT_EQ(Sites[0].Handles[0]->getName(), "eager");
  EXPECT_EQ(findings({CheckKind::DoneAfterSpawn}).size(), 1u);
}

TEST_F(AnalyzerTest, ObjectConflictsAreFieldSensitive) {
  parse(R"cc(
    struct replica {
      int load = 0;
      bool healthy = true;
      task query() { ++load; co_await yield_now(); }
      bool breaker_open() const { return !healthy; }
      int current_load() const { return load; }
      void reset() { load = 0; healthy = true; }
      bool opaque() const { return check(*this); }
      static bool check(const replica &);
    };
    task fan_out(replica &r, replica &s) {
      create_task(r.query());
      (void)r.breaker_open();
      (void)r.current_load(); // [[conflict]]
      create_task(s.query());
      (void)s.healthy;
      s.reset(); // [[conflict]]
      co_await yield_now();
    }
    task whole(replica &r) {
      create_task(r.query());
      (void)r.opaque(); // [[conflict]]
      co_await yield_now();
    }
  )cc");
  std::set<unsigned> Conflicting;
  std::set<std::string> Messages;
  for (const SpawnSite &S : A->spawnSites())
    for (const auto &[W, P] : A->conflicts(S))
      Conflicting.insert(line(W.Where->getExprLoc()));
  EXPECT_EQ(Conflicting, Markers["conflict"]);
  for (const Finding &F : findings({CheckKind::StateAfterSpawn}))
    Messages.insert(F.Message.substr(0, F.Message.find(" is ")));
  EXPECT_EQ(Messages, (Names{"'r'", "'r.load'", "'s.load'"}));
}

TEST_F(AnalyzerTest, CancelFollowedBySpawnInTheSameTurnYieldsAfterTheCancelToo) {
  parse(R"cc(
    task query(int i) { co_await yield_now(); }
    task fan_out(int n) {
      for (int i = 0; i < n; ++i) {
        auto t = create_task(query(i));
        if (i % 2) {
          t.cancel();
          continue;
        }
      }
      co_await yield_now();
    }
    task single() {
      auto t = create_task(query(0));
      t.cancel();
      co_await yield_now();
    }
  )cc");
  auto F = findings({CheckKind::CancelBeforeStart});
  ASSERT_EQ(F.size(), 2u);
  ASSERT_TRUE(F[0].Fix && F[1].Fix);
  ASSERT_EQ(F[0].FollowUp.size(), 1u);
  EXPECT_EQ(F[0].FollowUp[0].Text, "\n          co_await eagerlint::rt::yield_now();");
  EXPECT_TRUE(F[1].FollowUp.empty());
}

TEST_F(AnalyzerTest, ADeclaredOnlyCoroutineIsNamedForOtherTranslationUnits) {
  parse(R"cc(
    task elsewhere(int n);
    task here() { co_await yield_now(); }
    task spawner() {
      create_task(elsewhere(1));
      create_task(here());
      co_await yield_now();
    }
  )cc");
  auto Sites = A->spawnSitesIn(function("spawner"));
  ASSERT_EQ(Sites.size(), 2u);
  EXPECT_EQ(Sites[0].Spawned, nullptr);
  ASSERT_NE(Sites[0].SpawnedDecl, nullptr);
  EXPECT_EQ(Sites[0].SpawnedDecl->getName(), "elsewhere");
  EXPECT_EQ(Sites[1].Spawned, function("here"));
  // Both are named across translation units, the declared-only one too.
  std::string Elsewhere = Analyzer::usr(Sites[0].SpawnedDecl);
  std::string Here = Analyzer::usr(Sites[1].SpawnedDecl);
  EXPECT_FALSE(Elsewhere.empty());
  EXPECT_FALSE(Here.empty());
  EXPECT_NE(Elsewhere, Here);
}

} // namespace
