//===- AnalysisBench.cpp - Analysis time against parse time ---------------===//
//
// BM_Parse parses a large translation unit (Asio plus a few hundred
// coroutines that spawn and await each other); BM_Analyze runs every check's
// analysis on the same, already parsed, unit. compare.py prints the ratio.
// BM_FunctionSize/N analyses one coroutine of N statements, to show the
// analysis is linear in function size.
//
//===----------------------------------------------------------------------===//
#include "eagerlint/analysis/Testing.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/raw_ostream.h"
#include <benchmark/benchmark.h>
#include <string>

using namespace eagerlint::analysis;

namespace {

std::vector<std::string> args(bool Asio) {
  std::vector<std::string> A{"-std=c++20", "-resource-dir",
                             EAGERLINT_CLANG_RESOURCE_DIR};
  if (Asio) {
    A.push_back("-DASIO_HAS_CO_AWAIT=1");
    A.push_back("-DASIO_HAS_STD_COROUTINE=1");
  }
  return A;
}

/// A service of \p N coroutines on Asio: each reads and writes shared state,
/// awaits a helper inline, spawns the next one and waits on a timer.
std::string asioService(unsigned N) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "#include <asio.hpp>\n#include <chrono>\n#include <map>\n#include "
        "<string>\n"
        "using asio::awaitable; using asio::use_awaitable;\n"
        "struct stats { int hits = 0; int misses = 0; "
        "std::map<std::string, int> cache; };\n";
  for (unsigned I = 0; I < N; ++I)
    OS << "awaitable<void> worker" << I << "(stats &s, int depth);\n";
  for (unsigned I = 0; I < N; ++I) {
    OS << "awaitable<int> helper" << I << "(stats &s, int k) {\n"
       << "  s.hits += k;\n"
       << "  asio::steady_timer t(co_await asio::this_coro::executor);\n"
       << "  t.expires_after(std::chrono::milliseconds(k));\n"
       << "  co_await t.async_wait(use_awaitable);\n"
       << "  co_return s.misses;\n}\n";
    OS << "awaitable<void> worker" << I << "(stats &s, int depth) {\n"
       << "  auto ex = co_await asio::this_coro::executor;\n"
       << "  if (s.cache.count(\"k" << I << "\")) { ++s.hits; }\n"
       << "  for (int i = 0; i < depth; ++i) s.misses += i;\n";
    if (I + 1 < N)
      OS << "  asio::co_spawn(ex, worker" << I + 1
         << "(s, depth - 1), asio::detached);\n"
         << "  s.cache[\"k" << I + 1 << "\"] = depth;\n";
    OS << "  int v = co_await helper" << I << "(s, depth);\n"
       << "  s.hits += v;\n}\n";
  }
  OS << "int main() { asio::io_context io; stats s; "
        "asio::co_spawn(io, worker0(s, 3), asio::detached); io.run(); }\n";
  return S;
}

/// One coroutine with \p N statements and a suspension at the end.
std::string bigFunction(unsigned N) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << R"cc(
namespace std {
template <class R, class...> struct coroutine_traits { using promise_type = typename R::promise_type; };
template <class P = void> struct coroutine_handle { static coroutine_handle from_address(void *) noexcept { return {}; } operator coroutine_handle<>() const noexcept { return {}; } };
template <> struct coroutine_handle<void> { static coroutine_handle from_address(void *) noexcept { return {}; } };
struct suspend_always { bool await_ready() const noexcept { return false; } void await_suspend(coroutine_handle<>) const noexcept {} void await_resume() const noexcept {} };
}
struct task { struct promise_type { task get_return_object() { return {}; } std::suspend_always initial_suspend() noexcept { return {}; } std::suspend_always final_suspend() noexcept { return {}; } void return_void() {} void unhandled_exception() {} }; };
int g[64];
task big(int n) {
)cc";
  for (unsigned I = 0; I < N; ++I)
    OS << "  if (n > " << I << ") g[" << I % 64 << "] += n; else g[" << (I + 1) % 64
       << "] = " << I << ";\n";
  OS << "  co_await std::suspend_always{};\n}\n";
  return S;
}

std::vector<CheckKind> allChecks() {
  std::vector<CheckKind> K;
  for (unsigned I = 0; I < NumCheckKinds; ++I)
    K.push_back(static_cast<CheckKind>(I));
  return K;
}

constexpr unsigned Coroutines = 300;

void BM_Parse(benchmark::State &State) {
  std::string Code = asioService(Coroutines);
  for (auto _ : State) {
    auto AST = clang::tooling::buildASTFromCodeWithArgs(Code, args(true),
                                                        "service.cpp");
    if (!AST || AST->getDiagnostics().hasErrorOccurred())
      State.SkipWithError("the service does not parse");
    benchmark::DoNotOptimize(AST.get());
  }
}

void BM_Analyze(benchmark::State &State) {
  auto AST = clang::tooling::buildASTFromCodeWithArgs(asioService(Coroutines),
                                                      args(true), "service.cpp");
  if (!AST || AST->getDiagnostics().hasErrorOccurred()) {
    State.SkipWithError("the service does not parse");
    return;
  }
  size_t Findings = 0, Sites = 0;
  for (auto _ : State) {
    Analyzer A(AST->getASTContext(), *Profile::builtin("asio"));
    Findings = A.findings(allChecks()).size();
    Sites = A.spawnSites().size();
  }
  State.counters["findings"] = Findings;
  State.counters["spawn_sites"] = Sites;
}

void BM_FunctionSize(benchmark::State &State) {
  unsigned N = State.range(0);
  auto AST = clang::tooling::buildASTFromCodeWithArgs(bigFunction(N),
                                                      args(false), "big.cpp");
  for (auto _ : State) {
    AnalyzerForTesting A(AST->getASTContext(), *Profile::builtin("reference"));
    for (const clang::Decl *D : AST->getASTContext().getTranslationUnitDecl()->decls())
      if (auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D);
          FD && FD->getName() == "big")
        benchmark::DoNotOptimize(A.prefix(FD).Accesses.size());
  }
  State.SetComplexityN(N);
}

} // namespace

BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_FunctionSize)
    ->RangeMultiplier(4)
    ->Range(256, 16384)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);

BENCHMARK_MAIN();
