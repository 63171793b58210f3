//===- BaselineTest.cpp - Baselines, this version's and the previous ------===//
#include "Baseline.h"
#include "TestFiles.h"
#include "gtest/gtest.h"

using namespace eagerlint::cli;

namespace {

/// The message of \p E, or "" when it is success.
std::string messageOf(llvm::Error E) {
  return E ? llvm::toString(std::move(E)) : std::string();
}

template <class T> std::string messageOf(llvm::Expected<T> E) {
  return E ? std::string() : llvm::toString(E.takeError());
}

Report reportWith(const std::string &Root) {
  Report R;
  R.SourceRoot = Root;
  DiagRecord D;
  D.Check = "eager-cancel-before-start";
  D.Pos = {Root + "/src/a.cpp", 10, 3, 5};
  D.Message = "task 't' is cancelled before it first suspends";
  D.Fingerprint = "0123456789abcdef:0";
  D.LegacyFingerprint = "fedcba9876543210:0";
  R.Findings.push_back(D);
  return R;
}

TEST(BaselineTest, WrittenBaselinesAreReadBack) {
  TestFiles Files;
  Report R = reportWith(Files.Root);
  std::string Path = Files.Root + "/baseline.json";
  ASSERT_EQ(messageOf(writeBaseline(Path, R)), "");
  auto Entries = readBaseline(Path);
  ASSERT_TRUE(static_cast<bool>(Entries))
      << llvm::toString(Entries.takeError());
  ASSERT_EQ(Entries->size(), 1u);
  EXPECT_EQ((*Entries)[0].File, "src/a.cpp");
  EXPECT_EQ((*Entries)[0].Fingerprint, "0123456789abcdef:0");
  EXPECT_EQ((*Entries)[0].Version, 2);

  applyBaseline(R, *Entries);
  EXPECT_TRUE(R.Findings[0].Baselined);
  EXPECT_EQ(R.newFindings(), 0u);
}

TEST(BaselineTest, VersionOneEntriesMatchTheLegacyFingerprint) {
  Report R = reportWith("/p");
  applyBaseline(R, {{"eager-cancel-before-start", "src/a.cpp",
                     "fedcba9876543210:0", /*Version=*/1}});
  EXPECT_TRUE(R.Findings[0].Baselined);
}

TEST(BaselineTest, VersionTwoEntriesDoNotMatchTheLegacyFingerprint) {
  Report R = reportWith("/p");
  applyBaseline(R, {{"eager-cancel-before-start", "src/a.cpp",
                     "fedcba9876543210:0", /*Version=*/2}});
  EXPECT_FALSE(R.Findings[0].Baselined);
}

TEST(BaselineTest, EachEntryMatchesOneFinding) {
  Report R = reportWith("/p");
  R.Findings.push_back(R.Findings[0]);
  applyBaseline(
      R, {{"eager-cancel-before-start", "src/a.cpp", "0123456789abcdef:0", 2}});
  EXPECT_EQ(R.newFindings(), 1u);
  EXPECT_EQ(R.baselinedFindings(), 1u);
}

TEST(BaselineTest, OtherChecksOrFilesDoNotMatch) {
  Report R = reportWith("/p");
  applyBaseline(
      R, {{"eager-done-after-spawn", "src/a.cpp", "0123456789abcdef:0", 2},
          {"eager-cancel-before-start", "src/b.cpp", "0123456789abcdef:0", 2}});
  EXPECT_FALSE(R.Findings[0].Baselined);
}

TEST(BaselineTest, BadFilesAreOneLineErrors) {
  TestFiles Files;
  std::string Future =
      Files.write("future.json", R"({"version": 3, "findings": []})");
  EXPECT_EQ(messageOf(readBaseline(Future)),
            Future + ": not an eagerlint baseline (version "
                     "1 to 2 with a 'findings' array "
                     "expected)");
  std::string Partial = Files.write(
      "partial.json", R"({"version": 1, "findings": [{"check": "x"}]})");
  EXPECT_EQ(messageOf(readBaseline(Partial)),
            Partial + ": entry 1 lacks 'check', 'file' or 'fingerprint'");
  EXPECT_NE(messageOf(readBaseline(Files.Root + "/missing.json")), "");
}

} // namespace

namespace {

TEST(BaselineTest, VersionOneEntriesNeverMatchThisVersionsFingerprints) {
  // Two findings that look alike but for a missing fix-it: today's
  // fingerprints rank them 0 and 1, version 1 gave each rank 0.
  Report R = reportWith("/p");
  R.Findings.push_back(R.Findings[0]);
  R.Findings[0].Fingerprint = "aaaaaaaaaaaaaaaa:0";
  R.Findings[0].LegacyFingerprint = "bbbbbbbbbbbbbbbb:0";
  R.Findings[1].Fingerprint = "aaaaaaaaaaaaaaaa:1";
  R.Findings[1].LegacyFingerprint = "aaaaaaaaaaaaaaaa:0";
  applyBaseline(R, {{"eager-cancel-before-start", "src/a.cpp",
                     "bbbbbbbbbbbbbbbb:0", 1},
                    {"eager-cancel-before-start", "src/a.cpp",
                     "aaaaaaaaaaaaaaaa:0", 1}});
  EXPECT_TRUE(R.Findings[0].Baselined);
  EXPECT_TRUE(R.Findings[1].Baselined);
}

} // namespace
