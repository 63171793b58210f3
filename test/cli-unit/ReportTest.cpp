//===- ReportTest.cpp - The project-wide join of the workers' results -----===//
#include "Report.h"
#include "TestFiles.h"
#include "gtest/gtest.h"

using namespace eagerlint::cli;

namespace {

const char Handler[] = "task handle() {\n"
                       "  timeout(1s, work());\n" // offset 18: the hazard
                       "  co_await sleep();\n"
                       "}\n";
const char Server[] = "void serve() {\n"
                      "  create_task(handle());\n" // offset 17: the spawn
                      "}\n";
const char USR[] = "c:@F@handle#";

DiagRecord timeoutFinding(const std::string &File) {
  DiagRecord D;
  D.Check = "eager-timeout-in-prefix";
  D.Level = "warning";
  D.Message = "'timeout' is entered before 'handle' first suspends";
  D.HasPos = true;
  D.Pos = {File, 18};
  D.Notes.push_back({{File, 40}, "first suspension point of 'handle' is here"});
  return D;
}

JobOutcome outcome(const std::string &File) {
  JobOutcome O;
  O.HasResult = true;
  O.Result.File = File;
  O.Result.ToolSucceeded = true;
  return O;
}

struct ReportTest : ::testing::Test {
  TestFiles Files;
  std::string HandlerFile = Files.write("handler.cpp", Handler);
  std::string ServerFile = Files.write("server.cpp", Server);
  SourceCache Sources;

  JobOutcome handlerOutcome() {
    JobOutcome O = outcome(HandlerFile);
    O.Result.Diags.push_back(timeoutFinding(HandlerFile));
    O.Result.Conditional.push_back(
        {"eager-timeout-in-prefix", {HandlerFile, 18}, USR});
    return O;
  }
  JobOutcome serverOutcome() {
    JobOutcome O = outcome(ServerFile);
    O.Result.Spawns.push_back({USR, {ServerFile, 17}});
    return O;
  }
};

TEST_F(ReportTest, ConditionalFindingIsKeptWhereAnotherFileSpawnsIt) {
  Report R =
      buildReport({handlerOutcome(), serverOutcome()}, Sources, Files.Root);
  ASSERT_EQ(R.Findings.size(), 1u);
  const DiagRecord &D = R.Findings[0];
  EXPECT_EQ(R.display(D.Pos.File), "handler.cpp");
  EXPECT_EQ(D.Pos.Line, 2u);
  EXPECT_EQ(D.Pos.Column, 3u);
  ASSERT_EQ(D.Notes.size(), 2u);
  EXPECT_EQ(D.Notes[0].Message, "task spawned here");
  EXPECT_EQ(R.display(D.Notes[0].Pos.File), "server.cpp");
  EXPECT_EQ(D.Notes[0].Pos.Line, 2u);
  EXPECT_EQ(R.Analysed, 2u);
}

TEST_F(ReportTest, ConditionalFindingIsDroppedWhenNothingSpawnsIt) {
  Report R =
      buildReport({handlerOutcome(), outcome(ServerFile)}, Sources, Files.Root);
  EXPECT_TRUE(R.Findings.empty());
}

TEST_F(ReportTest, SpawnsOfAFileThatFailedDoNotCount) {
  JobOutcome Failed = serverOutcome();
  DiagRecord Error;
  Error.Check = "clang-diagnostic-error";
  Error.Level = "error";
  Error.Message = "use of undeclared identifier 'create_task'";
  Error.HasPos = true;
  Error.Pos = {ServerFile, 17};
  Failed.Result.Diags.push_back(Error);
  Report R = buildReport({handlerOutcome(), Failed}, Sources, Files.Root);
  EXPECT_TRUE(R.Findings.empty());
  ASSERT_EQ(R.Failed.size(), 1u);
  EXPECT_EQ(R.Failed[0].Reason,
            "server.cpp:2:3: use of undeclared identifier 'create_task'");
}

TEST_F(ReportTest, AFindingSeenByTwoTranslationUnitsIsReportedOnce) {
  // A header's hazard: one translation unit spawns the coroutine (a spawn
  // note), the other only defines it (a conditional finding).
  JobOutcome Spawning = serverOutcome();
  DiagRecord WithSpawn = timeoutFinding(HandlerFile);
  WithSpawn.Notes.insert(WithSpawn.Notes.begin(),
                         {{ServerFile, 17}, "task spawned here"});
  Spawning.Result.Diags.push_back(WithSpawn);
  Report R = buildReport({handlerOutcome(), Spawning}, Sources, Files.Root);
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_EQ(R.Findings[0].Notes.size(), 2u);
  EXPECT_EQ(R.Findings[0].Fingerprint.substr(16), ":0");
}

TEST_F(ReportTest, FingerprintIgnoresLineShiftsAndBlanks) {
  std::string A = fingerprintBase("eager-x", "a.cpp", "  x = 1;", "m");
  EXPECT_EQ(A, fingerprintBase("eager-x", "a.cpp", "x   =   1;", "m"));
  EXPECT_NE(A, fingerprintBase("eager-x", "a.cpp", "x = 2;", "m"));
  EXPECT_NE(A, fingerprintBase("eager-y", "a.cpp", "x = 1;", "m"));
  EXPECT_NE(A, fingerprintBase("eager-x", "b.cpp", "x = 1;", "m"));
  EXPECT_NE(A, fingerprintBase("eager-x", "a.cpp", "x = 1;", "n"));
  EXPECT_EQ(A.size(), 16u);
}

TEST_F(ReportTest, AReasonForAMissingFixItDoesNotChangeTheFingerprint) {
  JobOutcome O = serverOutcome();
  DiagRecord D = timeoutFinding(ServerFile);
  D.Pos = {ServerFile, 17};
  D.Notes.clear();
  O.Result.Diags.push_back(D);
  Report WithFix = buildReport({O}, Sources, Files.Root);
  O.Result.Diags[0].Notes.push_back(
      {{ServerFile, 17}, "no fix-it: the spawn statement is inside a macro"});
  Report Without = buildReport({O}, Sources, Files.Root);
  ASSERT_EQ(WithFix.Findings.size(), 1u);
  ASSERT_EQ(Without.Findings.size(), 1u);
  EXPECT_EQ(WithFix.Findings[0].Fingerprint, Without.Findings[0].Fingerprint);
  // What version 1 baselines hashed: the message with the reason appended.
  EXPECT_EQ(WithFix.Findings[0].LegacyFingerprint,
            WithFix.Findings[0].Fingerprint);
  EXPECT_EQ(Without.Findings[0].LegacyFingerprint,
            fingerprintBase("eager-timeout-in-prefix", "server.cpp",
                            "create_task(handle());",
                            D.Message +
                                "; no fix-it: the spawn statement is inside "
                                "a macro") +
                ":0");
}

} // namespace

// Coverage (docs/design.md §4.2): a spawn site in a header two translation
// units include counts once, an eager start counts apart from spawn sites,
// a site in a header outside the source root counts not at all, and every
// analysed file has a row.
TEST_F(ReportTest, CoverageCountsEachSiteOnceUnderTheSourceRoot) {
  std::string Header = Files.write("shared.hpp", Server);
  JobOutcome A = serverOutcome();
  A.Result.Spawns.push_back({USR, {Header, 17}});
  A.Result.Spawns.push_back({"", {ServerFile, 30}, /*TypeLevel=*/true});
  A.Result.Spawns.push_back({USR, {"/elsewhere/lib/runtime.hpp", 5}});
  JobOutcome B = handlerOutcome();
  B.Result.Spawns.push_back({USR, {Header, 17}});
  Report R = buildReport({A, B}, Sources, Files.Root);
  EXPECT_EQ(R.Recognised.SpawnSites, 2u);
  EXPECT_EQ(R.Recognised.EagerStarts, 1u);
  ASSERT_EQ(R.CoverageByFile.size(), 3u);
  EXPECT_EQ(R.CoverageByFile[ServerFile].SpawnSites, 1u);
  EXPECT_EQ(R.CoverageByFile[ServerFile].EagerStarts, 1u);
  EXPECT_EQ(R.CoverageByFile[Header].SpawnSites, 1u);
  EXPECT_EQ(R.CoverageByFile[HandlerFile].SpawnSites, 0u);
  EXPECT_FALSE(R.nothingRecognised());
}

TEST_F(ReportTest, NothingRecognisedOnlyWhenFilesWereAnalysed) {
  Report R = buildReport({outcome(HandlerFile)}, Sources, Files.Root);
  EXPECT_TRUE(R.nothingRecognised());
  JobOutcome Crashed;
  Crashed.Failure = "the analysis crashed";
  Crashed.Result.File = ServerFile;
  EXPECT_FALSE(buildReport({Crashed}, Sources, Files.Root).nothingRecognised());
}

