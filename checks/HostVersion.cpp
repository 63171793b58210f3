//===- HostVersion.cpp - Refuse to run in another clang-tidy --------------===//
//
// clang-tidy's classes change layout between major versions, so a module
// registered in a clang-tidy of another major crashes it on first use. The
// plugin asks the running clang its version before registering anything.
// This runs while the host is still loading the plugin: it uses nothing of
// LLVM's but macros and writes with stdio.
//
//===----------------------------------------------------------------------===//

#include "HostVersion.h"

#include "clang/Basic/Version.h"
#include "llvm/Config/llvm-config.h"

#include <cstdio>

#ifndef EAGERLINT_VERSION
#error "EAGERLINT_VERSION must be defined by the build"
#endif

namespace eagerlint::tidy {

std::string pluginVersionLine() {
  return "eagerlint " EAGERLINT_VERSION
         " (clang-tidy plugin, built against LLVM " LLVM_VERSION_STRING ")";
}

std::optional<unsigned> clangMajorOf(std::string_view FullVersion) {
  constexpr std::string_view Marker = "version ";
  size_t At = FullVersion.find(Marker);
  if (At == std::string_view::npos)
    return std::nullopt;
  unsigned Major = 0;
  size_t I = At + Marker.size();
  size_t Start = I;
  for (; I < FullVersion.size() && FullVersion[I] >= '0' &&
         FullVersion[I] <= '9' && I - Start < 4;
       ++I)
    Major = Major * 10 + unsigned(FullVersion[I] - '0');
  if (I == Start)
    return std::nullopt;
  return Major;
}

bool hostMatchesBuild() {
  const std::string Host = clang::getClangFullVersion();
  std::optional<unsigned> Major = clangMajorOf(Host);
  if (Major == CLANG_VERSION_MAJOR)
    return true;
  std::fprintf(stderr,
               "error: %s cannot run in this clang-tidy (%s): it needs "
               "clang-tidy %d; the eager-* checks are not loaded (use "
               "clang-tidy-%d, or the eagerlint command)\n",
               pluginVersionLine().c_str(), Host.c_str(), CLANG_VERSION_MAJOR,
               CLANG_VERSION_MAJOR);
  return false;
}

} // namespace eagerlint::tidy
