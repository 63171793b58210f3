//===- Discover.h - `eagerlint discover` ------------------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_DISCOVER_H
#define EAGERLINT_TOOL_DISCOVER_H

#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace eagerlint::cli {

/// A class type used as the return type of coroutines of the project.
struct DiscoveredType {
  std::string Name; ///< Qualified, without template arguments.
  /// "eager", "lazy" or "unknown", from the coroutines' initial_suspend.
  std::string Start;
  unsigned Coroutines = 0;
};

/// A function that takes a coroutine object by value or rvalue reference
/// and does not co_await it: a candidate spawn API.
struct SpawnCandidate {
  std::string Name; ///< Qualified, as a SpawnFunctions entry names it.
  unsigned Calls = 0;
};

/// What `eagerlint discover` learns about a project.
struct Discovery {
  unsigned Files = 0;
  unsigned Analysed = 0;
  /// Files that could not be analysed, with a one-line cause.
  std::vector<std::pair<std::string, std::string>> Failed;
  std::vector<DiscoveredType> Types;
  std::vector<SpawnCandidate> Candidates;
  /// The built-in profile whose spawn functions and eager types the project
  /// uses most, empty if none; the names that matched.
  std::string Profile;
  std::vector<std::string> ProfileMatches;
};

/// Fills Profile and ProfileMatches of \p D from its types and candidates.
void chooseProfile(Discovery &D);

/// A `.clang-tidy` file for the project \p D describes.
std::string clangTidySnippet(const Discovery &D);

void writeDiscoveryText(llvm::raw_ostream &OS, const Discovery &D);
void writeDiscoveryJSON(llvm::raw_ostream &OS, const Discovery &D);

/// `eagerlint discover -p BUILD_DIR [--format text|json] [files...]`
/// (docs/design.md §4.2). \p Argv holds the arguments after the word
/// `discover`; each file is analysed by \p Executable started again as
/// `eagerlint discover --worker JOB RESULT`. Returns 0, 2 on a usage or
/// configuration error, 3 when a file could not be analysed (the others are
/// still reported).
int runDiscover(int Argc, const char **Argv, const std::string &Executable);

} // namespace eagerlint::cli

#endif
