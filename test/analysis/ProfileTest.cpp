//===- ProfileTest.cpp ----------------------------------------------------===//
#include "eagerlint/analysis/Model.h"
#include "eagerlint/analysis/Profile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Testing/Support/Error.h"
#include "gtest/gtest.h"

using namespace eagerlint::analysis;

namespace {

TEST(ProfileTest, ReferenceProfileNamesTheRuntime) {
  auto P = Profile::builtin("reference");
  ASSERT_TRUE(static_cast<bool>(P));
  EXPECT_EQ(P->YieldStatement, "co_await eagerlint::rt::yield_now();");
  EXPECT_EQ(P->YieldHeader, "<eagerlint/runtime.hpp>");
  EXPECT_NE(std::find(P->SpawnFunctions.begin(), P->SpawnFunctions.end(),
                      "::eagerlint::rt::create_task"),
            P->SpawnFunctions.end());
}

TEST(ProfileTest, AsioProfileYieldsThroughPost) {
  auto P = Profile::builtin("asio");
  ASSERT_TRUE(static_cast<bool>(P));
  EXPECT_EQ(P->YieldStatement, "co_await asio::post(co_await "
                               "asio::this_coro::executor, asio::use_awaitable);");
  EXPECT_NE(std::find(P->SpawnFunctions.begin(), P->SpawnFunctions.end(),
                      "::asio::co_spawn"),
            P->SpawnFunctions.end());
}

TEST(ProfileTest, UnknownProfileIsAnErrorNamingTheKnownOnes) {
  auto P = Profile::builtin("tokio");
  ASSERT_FALSE(static_cast<bool>(P));
  std::string Message = llvm::toString(P.takeError());
  EXPECT_EQ(Message, "unknown profile 'tokio' (known: reference, asio, "
                     "cobalt, cppcoro, libcoro, folly, kj, seastar)");
}

/// The built-in profile \p Name, or a test failure and an empty profile.
static Profile builtinOrFail(llvm::StringRef Name) {
  auto P = Profile::builtin(Name);
  if (!P) {
    ADD_FAILURE() << llvm::toString(P.takeError());
    return Profile();
  }
  return std::move(*P);
}

TEST(ProfileTest, EveryBuiltinNameResolvesToItsProfile) {
  std::vector<std::string> Names;
  for (llvm::StringRef Name : Profile::builtinNames()) {
    Names.push_back(Name.str());
    EXPECT_EQ(builtinOrFail(Name).Name, Name.str());
  }
  EXPECT_EQ(Names,
            (std::vector<std::string>{"reference", "asio", "cobalt", "cppcoro",
                                      "libcoro", "folly", "kj", "seastar"}));
}

TEST(ProfileTest, BuiltinNamesAreFullyQualified) {
  for (llvm::StringRef Name : Profile::builtinNames()) {
    Profile P = builtinOrFail(Name);
    for (const auto *List :
         {&P.SpawnFunctions, &P.CancelFunctions, &P.StateQueryFunctions,
          &P.TimeoutFunctions, &P.AmbientTaskFunctions,
          &P.NeverSuspendingAwaitables, &P.HandleBinders, &P.LazyStartArguments,
          &P.EagerTypes, &P.ReadOnlyFunctions})
      for (const std::string &Q : *List)
        EXPECT_TRUE(llvm::StringRef(Q).starts_with("::"))
            << Name.str() << ": " << Q;
  }
}

/// What docs/runtimes.md says of each library's runtime.
struct RuntimeFacts {
  const char *Name;
  SpawnStartKind SpawnStart;
  PrefixIdentityKind PrefixIdentity;
  std::vector<std::string> EagerTypes;
  const char *YieldStatement;
  const char *YieldHeader;
  const char *ASpawnFunction; ///< empty where calling is spawning
};

// Names the parameter in test listings (ctest shows it).
void PrintTo(const RuntimeFacts &F, std::ostream *OS) { *OS << F.Name; }

class RuntimeProfileTest : public testing::TestWithParam<RuntimeFacts> {};

TEST_P(RuntimeProfileTest, SemanticsAreTheDocumentedOnes) {
  const RuntimeFacts &F = GetParam();
  Profile P = builtinOrFail(F.Name);
  EXPECT_EQ(P.SpawnStart, F.SpawnStart);
  EXPECT_EQ(P.PrefixIdentity, F.PrefixIdentity);
  EXPECT_EQ(P.EagerTypes, F.EagerTypes);
  EXPECT_EQ(P.YieldStatement, F.YieldStatement);
  EXPECT_EQ(P.YieldHeader, F.YieldHeader);
  if (*F.ASpawnFunction)
    EXPECT_TRUE(llvm::is_contained(P.SpawnFunctions, F.ASpawnFunction));
  else
    EXPECT_TRUE(P.SpawnFunctions.empty());
  // Each of these runtimes has a way to cancel what it started.
  EXPECT_FALSE(P.CancelFunctions.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Builtin, RuntimeProfileTest,
    testing::Values(
        RuntimeFacts{"cobalt",
                     SpawnStartKind::Dispatch,
                     PrefixIdentityKind::Child,
                     {"::boost::cobalt::promise", "::boost::cobalt::detached",
                      "::boost::cobalt::generator"},
                     "co_await boost::asio::post(co_await "
                     "boost::cobalt::this_coro::executor, "
                     "boost::cobalt::use_op);",
                     "<boost/cobalt.hpp>",
                     "::boost::cobalt::spawn"},
        RuntimeFacts{"cppcoro",
                     SpawnStartKind::Inline,
                     PrefixIdentityKind::Child,
                     {},
                     "",
                     "",
                     "::cppcoro::async_scope::spawn"},
        RuntimeFacts{"libcoro",
                     SpawnStartKind::Queued,
                     PrefixIdentityKind::Child,
                     {},
                     "",
                     "",
                     "::coro::thread_pool::spawn_joinable"},
        RuntimeFacts{"folly",
                     SpawnStartKind::Queued,
                     PrefixIdentityKind::Child,
                     {},
                     "co_await folly::coro::co_reschedule_on_current_executor;",
                     "<folly/coro/CurrentExecutor.h>",
                     "::folly::coro::TaskWithExecutor::start"},
        RuntimeFacts{"kj",
                     SpawnStartKind::Inline,
                     PrefixIdentityKind::Child,
                     {"::kj::Promise"},
                     "co_await kj::yield();",
                     "<kj/async.h>",
                     ""},
        RuntimeFacts{"seastar",
                     SpawnStartKind::Inline,
                     PrefixIdentityKind::Child,
                     {"::seastar::future"},
                     "co_await seastar::yield();",
                     "<seastar/util/later.hh>",
                     ""}),
    [](const testing::TestParamInfo<RuntimeFacts> &I) {
      return std::string(I.param.Name);
    });

TEST(ProfileTest, NeverSuspendingAwaitablesNameTheAwaitedTypes) {
  // Awaiting these reads the coroutine's own state and never suspends; a
  // profile that missed them would end every prefix at the first one.
  EXPECT_TRUE(
      llvm::is_contained(builtinOrFail("cobalt").NeverSuspendingAwaitables,
                         "::boost::asio::this_coro::executor_t"));
  // folly's co_current_executor_t is an alias: the awaited operand's type is
  // the detail:: class.
  EXPECT_TRUE(
      llvm::is_contained(builtinOrFail("folly").NeverSuspendingAwaitables,
                         "::folly::coro::detail::co_current_executor_"));
}

TEST(ProfileTest, AddNamesSkipsEmptyItemsAndDuplicates) {
  std::vector<std::string> Names{"::a::b"};
  Profile::addNames(Names, " ::a::b ; ;x::y;x::y;");
  EXPECT_EQ(Names, (std::vector<std::string>{"::a::b", "x::y"}));
}

TEST(ProfileTest, CheckNamesRoundTrip) {
  for (unsigned I = 0; I < NumCheckKinds; ++I) {
    auto K = static_cast<CheckKind>(I);
    EXPECT_EQ(checkKindFromName(checkName(K)), K);
    EXPECT_EQ(checkKindFromName(checkName(K).drop_front(6)), K);
  }
  EXPECT_EQ(checkKindFromName("eager-nothing"), std::nullopt);
}

} // namespace

namespace {

TEST(ProfileTest, ConfiguredAddsToTheProfileAndKeepsItsYieldWhenEmpty) {
  ProfileOptions O;
  O.Profile = "asio";
  O.SpawnFunctions = "::lib::spawn";
  O.YieldHeader = "  ";
  auto P = Profile::configured(O);
  ASSERT_TRUE(static_cast<bool>(P));
  EXPECT_EQ(P->SpawnFunctions.back(), "::lib::spawn");
  EXPECT_EQ(P->YieldHeader, "<asio.hpp>");
  O.YieldStatement = "co_await lib::yield();";
  auto Q = Profile::configured(O);
  ASSERT_TRUE(static_cast<bool>(Q));
  EXPECT_EQ(Q->YieldStatement, "co_await lib::yield();");
  EXPECT_NE(P->fingerprint(), Q->fingerprint());
  ProfileOptions Same;
  Same.Profile = "asio";
  Same.SpawnFunctions = "::lib::spawn";
  EXPECT_EQ(P->fingerprint(), Profile::configured(Same)->fingerprint());
  O.Profile = "nope";
  auto R = Profile::configured(O);
  ASSERT_FALSE(static_cast<bool>(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "unknown profile 'nope' (known: reference, asio, cobalt, cppcoro, "
            "libcoro, folly, kj, seastar)");
}

} // namespace

TEST(ProfileTest, ReadOnlyFunctionsAddToTheProfileAndRejectMalformedPatterns) {
  ProfileOptions O;
  O.Profile = "asio";
  O.ReadOnlyFunctions = "::net::*::start_*";
  auto P = Profile::configured(O);
  ASSERT_TRUE(static_cast<bool>(P));
  EXPECT_TRUE(llvm::is_contained(P->ReadOnlyFunctions, "::asio::*::async_*"));
  EXPECT_EQ(P->ReadOnlyFunctions.back(), "::net::*::start_*");
  EXPECT_NE(P->fingerprint(), Profile::builtin("asio")->fingerprint());
  O.ReadOnlyFunctions = "::net::[a-";
  auto Bad = Profile::configured(O);
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError())
                .find("invalid ReadOnlyFunctions pattern '::net::[a-'"),
            std::string::npos);
}

namespace {

// Every list field of a Profile is an option (Options.def), added to the
// named profile's.
TEST(ProfileTest, EveryListFieldIsConfigurable) {
  ProfileOptions O;
  O.HandleBinders = "app::source::bind";
  O.LazyStartArguments = "app::lazily";
  O.DeferredStartTypes = "app::deferred_t";
  O.CancelOnDestroyTypes = "app::owning_handle";
  O.UnsharedTypes = "app::loop;app::executor";
  auto P = Profile::configured(O);
  ASSERT_TRUE(static_cast<bool>(P));
  EXPECT_EQ(P->HandleBinders, std::vector<std::string>{"app::source::bind"});
  EXPECT_EQ(P->LazyStartArguments.back(), "app::lazily");
  EXPECT_EQ(P->DeferredStartTypes, std::vector<std::string>{"app::deferred_t"});
  EXPECT_EQ(P->CancelOnDestroyTypes,
            std::vector<std::string>{"app::owning_handle"});
  EXPECT_EQ(P->UnsharedTypes.back(), "app::executor");
}

TEST(ProfileTest, AListEntryThatIsNoQualifiedNameIsAnError) {
  auto Error = [](ProfileOptions O) {
    auto P = Profile::configured(O);
    return P ? std::string() : llvm::toString(P.takeError());
  };
  ProfileOptions O;
  O.EagerTypes = "app::task;app::task<int>";
  EXPECT_EQ(Error(O), "EagerTypes entry 'app::task<int>' names no type (write "
                      "a qualified name without template arguments or "
                      "parameters, such as 'app::task')");
  O = {};
  O.SpawnFunctions = "app::spawn()";
  EXPECT_NE(Error(O).find("SpawnFunctions entry 'app::spawn()' names no "
                          "function or variable"),
            std::string::npos);
  for (const char *Bad : {"::", "app::", "1app", "app:task", "app::operator||"}) {
    O = {};
    O.UnsharedTypes = Bad;
    EXPECT_NE(Error(O), "") << Bad;
  }
  O = {};
  O.TimeoutFunctions = " ::app::operator|| ; app::with_deadline ;";
  O.EagerTypes = "::app::task";
  EXPECT_EQ(Error(O), "");
}

} // namespace
