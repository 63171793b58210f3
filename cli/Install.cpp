//===- Install.cpp - Files eagerlint finds next to itself -----------------===//
//
// The build names the installed layout relative to the executable's directory
// (EAGERLINT_*_FROM_BINDIR, computed by CMake from GNUInstallDirs), so the
// layout is declared once, in CMake, and an installed prefix can be moved.
//
//===----------------------------------------------------------------------===//

#include "Install.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <initializer_list>

#if !defined(EAGERLINT_INCLUDEDIR_FROM_BINDIR) ||                              \
    !defined(EAGERLINT_BUILD_INCLUDEDIR_FROM_BINDIR) ||                        \
    !defined(EAGERLINT_PLUGIN_FROM_BINDIR) ||                                  \
    !defined(EAGERLINT_BUILD_PLUGIN_FROM_BINDIR)
#error "the build must define the installed layout (cli/CMakeLists.txt)"
#endif

namespace eagerlint::cli {
namespace {

llvm::cl::extrahelp InstallHelp(R"(
Installed files:
  eagerlint --print-plugin-path   print the path of the clang-tidy plugin
                                  (clang-tidy-19 --load=PATH), found next to
                                  this executable
)");

/// \p Relative paths resolved against the running executable's directory;
/// none when the executable cannot be found.
std::vector<std::string>
fromExecutable(std::initializer_list<const char *> Relative) {
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable("eagerlint", &Anchor);
  std::vector<std::string> Paths;
  if (Exe.empty())
    return Paths;
  for (const char *R : Relative) {
    llvm::SmallString<256> Path(llvm::sys::path::parent_path(Exe));
    llvm::sys::path::append(Path, R);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Paths.push_back(std::string(Path));
  }
  return Paths;
}

} // namespace

std::vector<std::string> runtimeIncludeCandidates() {
  return fromExecutable({EAGERLINT_INCLUDEDIR_FROM_BINDIR,
                         EAGERLINT_BUILD_INCLUDEDIR_FROM_BINDIR});
}

std::vector<std::string> pluginCandidates() {
  return fromExecutable(
      {EAGERLINT_PLUGIN_FROM_BINDIR, EAGERLINT_BUILD_PLUGIN_FROM_BINDIR});
}

int printPluginPath() {
  std::vector<std::string> Tried = pluginCandidates();
  for (const std::string &P : Tried)
    if (llvm::sys::fs::is_regular_file(P)) {
      llvm::outs() << P << "\n";
      return 0;
    }
  llvm::errs() << "eagerlint: error: cannot find the clang-tidy plugin (looked "
                  "in: "
               << llvm::join(Tried, ", ") << ")\n";
  return 2;
}

} // namespace eagerlint::cli
