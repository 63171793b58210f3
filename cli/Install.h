//===- Install.h - Files eagerlint finds next to itself ---------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_INSTALL_H
#define EAGERLINT_TOOL_INSTALL_H

#include <string>
#include <vector>

namespace eagerlint::cli {

/// Directories that may hold the reference runtime's `eagerlint/runtime.hpp`,
/// found from the running executable, in order: the include directory of the
/// prefix it is installed in, then the source tree of the build tree it was
/// built in. Relative to the executable, so a moved prefix (or an unpacked
/// package) finds its own headers.
std::vector<std::string> runtimeIncludeCandidates();

/// Where the clang-tidy plugin may be, in order: next to an installed
/// executable (PREFIX/lib/eagerlint/), then in the build tree it was built in.
std::vector<std::string> pluginCandidates();

/// `eagerlint --print-plugin-path`: prints the plugin's absolute path and
/// returns 0, or prints one error line naming the places tried and returns 2.
int printPluginPath();

} // namespace eagerlint::cli

#endif
