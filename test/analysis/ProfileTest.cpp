//===- ProfileTest.cpp ----------------------------------------------------===//
#include "eagerlint/analysis/Model.h"
#include "eagerlint/analysis/Profile.h"
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
  auto P = Profile::builtin("folly");
  ASSERT_FALSE(static_cast<bool>(P));
  std::string Message = llvm::toString(P.takeError());
  EXPECT_EQ(Message, "unknown profile 'folly' (known: reference, asio)");
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
  EXPECT_EQ(P->fingerprint(), Profile::configured(ProfileOptions{
                                  "asio", "::lib::spawn", "", "", "", "", "",
                                  "", "", "", "", ""})
                                  ->fingerprint());
  O.Profile = "nope";
  auto R = Profile::configured(O);
  ASSERT_FALSE(static_cast<bool>(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "unknown profile 'nope' (known: reference, asio)");
}

} // namespace
