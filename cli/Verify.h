//===- Verify.h - `eagerlint verify` ----------------------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_VERIFY_H
#define EAGERLINT_TOOL_VERIFY_H

namespace eagerlint {

/// `eagerlint verify PROGRAM.cpp [options] [-- compiler flags]` (docs/design.md §6).
/// Builds PROGRAM.cpp against the reference runtime, runs it once with
/// EAGERLINT_START_POLICY=lazy and once with =eager, each under a time limit,
/// and prints "same" or a side-by-side diff (lazy | eager) of standard output
/// and exit status. \p Argv holds the arguments after the word `verify`.
///
/// \returns 0 when both runs print the same and exit alike, 1 when they
/// differ, 2 when the program could not be built or run (or on a usage
/// error).
int runVerify(int Argc, const char **Argv);

} // namespace eagerlint

#endif
