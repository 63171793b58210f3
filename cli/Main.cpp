//===- Main.cpp - The eagerlint executable --------------------------------===//
#include "Discover.h"
#include "Driver.h"
#include "Install.h"
#include "Merge.h"
#include "Worker.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"
#include "Verify.h"
#include <cstdlib>
#include <vector>

// The checks reach this executable as objects; referencing the module's
// anchor keeps its registration whatever the linker decides.
extern volatile int EagerTidyModuleAnchorSource;
[[maybe_unused]] static int EagerTidyModuleAnchorDestination =
    EagerTidyModuleAnchorSource;

int main(int Argc, const char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  // `eagerlint --worker JOB RESULT`: one translation unit, started by the
  // driver; not part of the user interface.
  if (Argc == 4 && llvm::StringRef(Argv[1]) == "--worker") {
    // A crash is reported in one line; symbolizing its stack is wasted time.
    ::setenv("LLVM_DISABLE_SYMBOLIZATION", "1", /*overwrite=*/0);
    return eagerlint::cli::runWorker(Argv[2], Argv[3]);
  }
  if (Argc == 2 && llvm::StringRef(Argv[1]) == "--print-plugin-path")
    return eagerlint::cli::printPluginPath();
  // `eagerlint verify ...`: the subcommand gets the arguments after "verify".
  if (Argc >= 2 && llvm::StringRef(Argv[1]) == "verify")
    return eagerlint::runVerify(Argc - 2, Argv + 2);
  // `eagerlint merge PART.json...`: the shards' partial results joined.
  if (Argc >= 2 && llvm::StringRef(Argv[1]) == "merge") {
    std::vector<const char *> Args{"eagerlint merge"};
    Args.insert(Args.end(), Argv + 2, Argv + Argc);
    return eagerlint::cli::runMerge(Args.size(), Args.data());
  }
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv[0], reinterpret_cast<void *>(&main));
  // `eagerlint discover ...`: what a profile needs to know about a project.
  if (Argc >= 2 && llvm::StringRef(Argv[1]) == "discover") {
    ::setenv("LLVM_DISABLE_SYMBOLIZATION", "1", /*overwrite=*/0);
    return eagerlint::cli::runDiscover(Argc - 2, Argv + 2, Self);
  }
  return eagerlint::cli::runDriver(Argc, Argv, Self);
}
