//===- RegistryTest.cpp - Checks.def and Options.def drive everything -----===//
//
// Every check and option is declared once; these tests hold the places
// generated from the tables to them, and the documentation too.
//
//===----------------------------------------------------------------------===//
#include "CheckOptions.h"
#include "Rules.h"
#include "eagerlint/analysis/Model.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace eagerlint;
using namespace eagerlint::cli;

namespace {

/// The message of \p E, or "" when it is success.
std::string messageOf(llvm::Error E) {
  return E ? llvm::toString(std::move(E)) : std::string();
}

struct CheckEntry {
  analysis::CheckKind Kind;
  llvm::StringRef Name;
};
const CheckEntry Checks[] = {
#define EAGERLINT_CHECK(KIND, NAME, CLASS, SHORT, FULL, FIX)                   \
  {analysis::CheckKind::KIND, NAME},
#include "eagerlint/analysis/Checks.def"
};

std::string readSource(llvm::StringRef Relative) {
  auto B = llvm::MemoryBuffer::getFile(std::string(EAGERLINT_SOURCE_DIR) + "/" +
                                       Relative.str());
  return B ? (*B)->getBuffer().str() : std::string();
}

TEST(RegistryTest, EveryCheckHasItsNameRuleAndPage) {
  ASSERT_EQ(std::size(Checks), analysis::NumCheckKinds);
  ASSERT_EQ(rules().size(), analysis::NumCheckKinds);
  for (const CheckEntry &C : Checks) {
    EXPECT_EQ(analysis::checkName(C.Kind), C.Name);
    EXPECT_EQ(analysis::checkKindFromName(C.Name), C.Kind);
    const Rule *R = findRule(C.Name);
    ASSERT_NE(R, nullptr) << C.Name.str();
    EXPECT_FALSE(R->Short.empty());
    std::string Page = readSource("docs/checks/" + C.Name.str() + ".md");
    EXPECT_NE(Page.find("# " + C.Name.str()), std::string::npos)
        << "docs/checks/" << C.Name.str() << ".md is missing or untitled";
  }
}

TEST(RegistryTest, EveryOptionIsDocumentedOnce) {
  std::string Doc = readSource("docs/checks/options.md");
  ASSERT_FALSE(Doc.empty());
  llvm::StringSet<> Keys, Flags;
  for (const CheckOption &O : checkOptions()) {
    EXPECT_TRUE(Keys.insert(O.Key).second) << O.Key.str();
    EXPECT_TRUE(Flags.insert(O.Flag).second) << O.Flag.str();
    EXPECT_NE(Doc.find("| `" + O.Key.str() + "` |"), std::string::npos)
        << O.Key.str() << " has no row in docs/checks/options.md";
    EXPECT_TRUE(knownOptionKey(O.Key));
    EXPECT_TRUE(knownOptionKey("eager-recursive-spawn." + O.Key.str()));
  }
  EXPECT_FALSE(knownOptionKey("Frob"));
  EXPECT_FALSE(knownOptionKey("bugprone-foo.Profile"));
}

TEST(RegistryTest, OptionValuesAreValidatedAsTheChecksReadThem) {
  EXPECT_EQ(messageOf(validateOption("SpawnStart", "dispatch")), "");
  EXPECT_EQ(messageOf(validateOption("SpawnStart", "")), "");
  EXPECT_EQ(messageOf(validateOption("SpawnStart", "sometimes")),
            "unknown SpawnStart 'sometimes' (known: queued, inline, dispatch)");
  EXPECT_EQ(messageOf(validateOption("eager-timeout-in-prefix.PrefixIdentity",
                                     "parent")),
            "unknown PrefixIdentity 'parent' (known: creator, child)");
  EXPECT_NE(messageOf(validateOption("Profile", "tokio")), "");
  EXPECT_EQ(messageOf(validateOption("IncludeStyle", "google")), "");
}

} // namespace
