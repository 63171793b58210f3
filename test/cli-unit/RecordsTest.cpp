//===- RecordsTest.cpp - The worker's results survive JSON ----------------===//
#include "Records.h"
#include "gtest/gtest.h"

using namespace eagerlint::cli;

namespace {

TUResult sampleResult() {
  TUResult R;
  R.File = "/p/a.cpp";
  R.ToolSucceeded = true;
  R.Seconds = 0.5;
  DiagRecord D;
  D.Check = "eager-timeout-in-prefix";
  D.Level = "warning";
  D.Message = "'timeout' is entered before 'handle' first suspends";
  D.HasPos = true;
  D.Pos = {"/p/a.cpp", 120};
  D.Notes.push_back({{"/p/a.cpp", 100}, "first suspension point"});
  D.Fix.push_back({"/p/a.cpp", 90, 0, "\n  co_await y();"});
  R.Diags.push_back(D);
  R.Spawns.push_back({"c:@F@handle#I#", {"/p/b.cpp", 7}});
  R.Spawns.push_back({"", {"/p/b.cpp", 30}, /*TypeLevel=*/true});
  R.Conditional.push_back(
      {"eager-timeout-in-prefix", {"/p/a.cpp", 120}, "c:@F@handle#I#"});
  return R;
}

TEST(RecordsTest, ATranslationUnitResultRoundTrips) {
  TUResult In = sampleResult();
  llvm::json::Value V = toJSON(In);
  TUResult Out;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(V, Out, Root));
  EXPECT_EQ(Out.File, In.File);
  EXPECT_TRUE(Out.ToolSucceeded);
  ASSERT_EQ(Out.Diags.size(), 1u);
  const DiagRecord &D = Out.Diags[0];
  EXPECT_EQ(D.Check, "eager-timeout-in-prefix");
  EXPECT_TRUE(D.HasPos);
  EXPECT_EQ(D.Pos.Offset, 120u);
  ASSERT_EQ(D.Notes.size(), 1u);
  EXPECT_EQ(D.Notes[0].Pos.Offset, 100u);
  ASSERT_EQ(D.Fix.size(), 1u);
  EXPECT_EQ(D.Fix[0].Text, "\n  co_await y();");
  ASSERT_EQ(Out.Spawns.size(), 2u);
  EXPECT_EQ(Out.Spawns[0].USR, "c:@F@handle#I#");
  EXPECT_EQ(Out.Spawns[0].Pos.File, "/p/b.cpp");
  EXPECT_FALSE(Out.Spawns[0].TypeLevel);
  EXPECT_EQ(Out.Spawns[1].USR, "");
  EXPECT_TRUE(Out.Spawns[1].TypeLevel);
  ASSERT_EQ(Out.Conditional.size(), 1u);
  EXPECT_EQ(Out.Conditional[0].USR, "c:@F@handle#I#");
  EXPECT_EQ(Out.Conditional[0].Pos.Offset, 120u);
}

TEST(RecordsTest, ADiagnosticWithoutPositionStaysWithout) {
  DiagRecord In;
  In.Check = "eagerlint-error";
  In.Level = "error";
  In.Message = "no such file";
  DiagRecord Out;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(toJSON(In), Out, Root));
  EXPECT_FALSE(Out.HasPos);
}

TEST(RecordsTest, MalformedResultsAreRejected) {
  llvm::json::Value V = toJSON(sampleResult());
  V.getAsObject()->erase("spawns");
  TUResult Out;
  llvm::json::Path::Root Root;
  EXPECT_FALSE(fromJSON(V, Out, Root));

  llvm::json::Value Negative = toJSON(Position{"/p/a.cpp", 1});
  (*Negative.getAsObject())["offset"] = -4;
  Position P;
  llvm::json::Path::Root Root2;
  EXPECT_FALSE(fromJSON(Negative, P, Root2));
}

} // namespace
