//===- HostVersion.h - Refuse to run in another clang-tidy ------*- C++ -*-===//
#ifndef EAGERLINT_CHECKS_HOSTVERSION_H
#define EAGERLINT_CHECKS_HOSTVERSION_H

#include <optional>
#include <string>
#include <string_view>

namespace eagerlint::tidy {

/// "eagerlint 0.1.0 (clang-tidy plugin, built against LLVM 19.1.7)": what
/// `clang-tidy --load=libeagerlint-tidy.so --version` adds to its output.
std::string pluginVersionLine();

/// The major version in a clang version string ("Debian clang version
/// 19.1.7 (...)" -> 19); std::nullopt when it names none.
std::optional<unsigned> clangMajorOf(std::string_view FullVersion);

/// Whether the clang libraries this process runs with have the major version
/// the checks were compiled against. When loaded as a plugin, clang's symbols
/// resolve to the host clang-tidy's libraries, so this asks the host. On a
/// mismatch prints one line saying so to standard error and returns false.
bool hostMatchesBuild();

} // namespace eagerlint::tidy

#endif
