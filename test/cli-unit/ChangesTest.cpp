//===- ChangesTest.cpp - Changed lines from git's diff, shard choice ------===//
#include "Changes.h"
#include "Merge.h"
#include "gtest/gtest.h"

using namespace eagerlint::cli;

namespace {

const char Diff[] =
    "diff --git a/src/a.cpp b/src/a.cpp\n"
    "index 1111111..2222222 100644\n"
    "--- a/src/a.cpp\n"
    "+++ b/src/a.cpp\n"
    "@@ -3 +3 @@ int x;\n"
    "-old\n"
    "+new\n"
    "@@ -10,0 +11,2 @@\n"
    "+added\n"
    "+added\n"
    "@@ -20,3 +22,0 @@\n"
    "-gone\n"
    "diff --git a/old.cpp b/dir/new name.cpp\n"
    "similarity index 90%\n"
    "rename from old.cpp\n"
    "rename to dir/new name.cpp\n"
    "--- a/old.cpp\n"
    "+++ b/dir/new name.cpp\t\n"
    "@@ -1 +1 @@\n"
    "-a\n"
    "+b\n"
    "diff --git a/deleted.cpp b/deleted.cpp\n"
    "--- a/deleted.cpp\n"
    "+++ /dev/null\n"
    "@@ -1,2 +0,0 @@\n"
    "-x\n"
    "diff --git \"a/caf\\303\\251.cpp\" \"b/caf\\303\\251.cpp\"\n"
    "--- \"a/caf\\303\\251.cpp\"\n"
    "+++ \"b/caf\\303\\251.cpp\"\n"
    "@@ -5,0 +6 @@\n"
    "+x\n";

TEST(ChangesTest, NewSideLineRangesOfEachFile) {
  ChangedLines C;
  parseUnifiedDiff(Diff, "/repo", C);
  EXPECT_TRUE(C.contains("/repo/src/a.cpp", 3));
  EXPECT_FALSE(C.contains("/repo/src/a.cpp", 4));
  EXPECT_FALSE(C.contains("/repo/src/a.cpp", 10));
  EXPECT_TRUE(C.contains("/repo/src/a.cpp", 11));
  EXPECT_TRUE(C.contains("/repo/src/a.cpp", 12));
  EXPECT_FALSE(C.contains("/repo/src/a.cpp", 13));
  // A hunk that only deletes adds no line.
  EXPECT_FALSE(C.contains("/repo/src/a.cpp", 22));
  // A renamed file's changes are under its new name (the tab git appends to
  // a name with a blank is not part of it).
  EXPECT_TRUE(C.contains("/repo/dir/new name.cpp", 1));
  EXPECT_FALSE(C.contains("/repo/old.cpp", 1));
  EXPECT_EQ(C.Ranges.count("/repo/deleted.cpp"), 0u);
  // A quoted name with octal escapes.
  EXPECT_TRUE(C.contains("/repo/caf\xc3\xa9.cpp", 6));
}

TEST(ChangesTest, UntrackedFilesChangeInEveryLine) {
  ChangedLines C;
  C.WholeFiles.push_back("/repo/new.cpp");
  EXPECT_TRUE(C.contains("/repo/new.cpp", 1));
  EXPECT_TRUE(C.contains("/repo/new.cpp", 1000));
  EXPECT_FALSE(C.contains("/repo/other.cpp", 1));
}

TEST(ChangesTest, AFindingIsKeptWhenAnyLocationChanged) {
  ChangedLines C;
  C.Ranges["/repo/worker.hpp"] = {{10, 10}};
  Report R;
  DiagRecord AtSpawner; // warning elsewhere, a note on the changed line
  AtSpawner.Check = "eager-state-after-spawn";
  AtSpawner.Pos = {"/repo/server.cpp", 0, 9, 1, 1};
  AtSpawner.Notes.push_back({{"/repo/worker.hpp", 0, 10, 3, 3}, "reads"});
  DiagRecord Untouched = AtSpawner;
  Untouched.Notes[0].Pos.Line = 11;
  R.Findings = {AtSpawner, Untouched};
  EXPECT_EQ(keepChangedFindings(R, C), 1u);
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_EQ(R.Findings[0].Notes[0].Pos.Line, 10u);
}

TEST(ShardTest, ByPathUnderTheSourceRootOnly) {
  // The same relative path in two checkouts falls to the same shard.
  for (unsigned N : {1u, 2u, 3u, 7u})
    EXPECT_EQ(shardOf("/a/src/x.cpp", "/a", N),
              shardOf("/elsewhere/b/src/x.cpp", "/elsewhere/b", N));
  // Every shard gets some of 100 files.
  std::vector<unsigned> Count(4, 0);
  for (int I = 0; I < 100; ++I)
    ++Count[shardOf("/r/f" + std::to_string(I) + ".cpp", "/r", 4)];
  for (unsigned C : Count)
    EXPECT_GT(C, 10u);
}

} // namespace
