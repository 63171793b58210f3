//===- CheckOptions.h - The checks' options as the CLI offers them -*- C++ -*-//
#ifndef EAGERLINT_CLI_CHECKOPTIONS_H
#define EAGERLINT_CLI_CHECKOPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace eagerlint::cli {

/// One option of the eager-* checks (Options.def).
struct CheckOption {
  llvm::StringRef Key;  ///< "SpawnFunctions"
  llvm::StringRef Flag; ///< "spawn-functions"
  llvm::StringRef Meta; ///< What --help names the value.
  llvm::StringRef Default;
  llvm::StringRef Help;
};

/// Every option, in the order of Options.def.
llvm::ArrayRef<CheckOption> checkOptions();

/// Whether \p Key names an option, bare (`Profile`) or for one check
/// (`eager-recursive-spawn.Profile`).
bool knownOptionKey(llvm::StringRef Key);

/// Checks \p Value of the option \p Key as the checks will read it: an
/// unknown profile or an unknown SpawnStart or PrefixIdentity value is an
/// error saying so in one line.
llvm::Error validateOption(llvm::StringRef Key, llvm::StringRef Value);

} // namespace eagerlint::cli

#endif
