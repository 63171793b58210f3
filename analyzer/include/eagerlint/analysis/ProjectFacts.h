//===- ProjectFacts.h - What one TU tells the project-wide pass -*- C++ -*-===//
#ifndef EAGERLINT_ANALYSIS_PROJECTFACTS_H
#define EAGERLINT_ANALYSIS_PROJECTFACTS_H

#include <string>
#include <vector>

namespace eagerlint::analysis {

/// A finding about a coroutine that no spawn in its own translation unit
/// starts: it holds only if some other translation unit spawns \c USR.
struct ConditionalFinding {
  std::string Check;  ///< "eager-timeout-in-prefix", ...
  std::string File;   ///< File of the diagnostic, as the SourceManager names it.
  unsigned Offset = 0; ///< Offset of the diagnostic in File.
  std::string USR;
};

/// Facts one translation unit contributes to a project-wide run.
struct TUFacts {
  /// USRs of the coroutines spawned in the translation unit.
  std::vector<std::string> SpawnedUSRs;
  std::vector<ConditionalFinding> Conditional;
};

/// The facts sink of the translation unit being analysed on this thread.
/// The eagerlint CLI sets it around each translation unit (which also puts
/// the analysis in project mode); it stays null in the clang-tidy plugin.
TUFacts *&currentTUFacts();

} // namespace eagerlint::analysis

#endif
