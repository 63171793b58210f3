//===- FixesTest.cpp - Every fix-it once, across findings -----------------===//
#include "Fixes.h"
#include "TestFiles.h"
#include "gtest/gtest.h"

using namespace eagerlint::cli;

namespace {

const char Header[] = "task<> job() {\n"
                      "  current_task();\n"
                      "}\n";

DiagRecord findingWithFix(const std::string &File) {
  DiagRecord D;
  D.Check = "eager-current-task-in-prefix";
  D.Pos = {File, 17};
  D.Fix.push_back({File, 14, 0, "\n  co_await yield_now();"});
  return D;
}

TEST(FixesTest, TheSameInsertionFromTwoFindingsIsAppliedOnce) {
  TestFiles Files;
  std::string H = Files.write("job.hpp", Header);
  Report R;
  R.SourceRoot = Files.Root;
  R.Findings = {findingWithFix(H), findingWithFix(H)};
  FixStats S = applyFixes(R);
  EXPECT_EQ(S.Applied, 1u);
  EXPECT_EQ(S.Duplicates, 1u);
  EXPECT_EQ(S.FilesChanged, 1u);
  EXPECT_TRUE(S.Errors.empty());
  EXPECT_EQ(Files.read(H), "task<> job() {\n"
                           "  co_await yield_now();\n"
                           "  current_task();\n"
                           "}\n");
}

TEST(FixesTest, BaselinedFindingsAreNotFixed) {
  TestFiles Files;
  std::string H = Files.write("job.hpp", Header);
  Report R;
  R.Findings = {findingWithFix(H)};
  R.Findings[0].Baselined = true;
  FixStats S = applyFixes(R);
  EXPECT_EQ(S.Applied, 0u);
  EXPECT_EQ(Files.read(H), Header);
}

TEST(FixesTest, OverlappingReplacementsAreCountedAsConflicts) {
  TestFiles Files;
  std::string H = Files.write("job.hpp", Header);
  Report R;
  DiagRecord A = findingWithFix(H);
  A.Fix = {{H, 15, 5, "X"}};
  DiagRecord B = findingWithFix(H);
  B.Fix = {{H, 17, 5, "Y"}};
  R.Findings = {A, B};
  FixStats S = applyFixes(R);
  EXPECT_EQ(S.Applied, 1u);
  EXPECT_EQ(S.Conflicts, 1u);
}

TEST(FixesTest, AFileThatCannotBeReadIsAnErrorNamingIt) {
  TestFiles Files;
  Report R;
  R.SourceRoot = Files.Root;
  R.Findings = {findingWithFix(Files.Root + "/gone.hpp")};
  FixStats S = applyFixes(R);
  ASSERT_EQ(S.Errors.size(), 1u);
  EXPECT_EQ(S.Errors[0].rfind("gone.hpp: cannot read it to apply fix-its: ", 0),
            0u);
}

} // namespace
