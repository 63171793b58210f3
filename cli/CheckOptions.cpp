//===- CheckOptions.cpp - The checks' options as the CLI offers them ------===//
#include "CheckOptions.h"
#include "eagerlint/analysis/Model.h"
#include "eagerlint/analysis/Profile.h"
#include "llvm/ADT/STLExtras.h"

namespace eagerlint::cli {

static const CheckOption Options[] = {
#define EAGERLINT_PROFILE_OPTION(KEY, FLAG, META, DEFAULT, HELP)               \
  {#KEY, FLAG, META, DEFAULT, HELP},
#define EAGERLINT_ENGINE_OPTION(KEY, FLAG, META, DEFAULT, HELP)                \
  {#KEY, FLAG, META, DEFAULT, HELP},
#include "eagerlint/analysis/Options.def"
};

llvm::ArrayRef<CheckOption> checkOptions() { return Options; }

static bool isOption(llvm::StringRef Key) {
  return llvm::any_of(Options,
                      [&](const CheckOption &O) { return O.Key == Key; });
}

bool knownOptionKey(llvm::StringRef Key) {
  auto [Check, Local] = Key.rsplit('.');
  if (Local.empty())
    return isOption(Key);
  return analysis::checkKindFromName(Check) && Check.starts_with("eager-") &&
         isOption(Local);
}

llvm::Error validateOption(llvm::StringRef Key, llvm::StringRef Value) {
  llvm::StringRef Local = Key.contains('.') ? Key.rsplit('.').second : Key;
  analysis::ProfileOptions O;
  bool InProfile = false;
#define EAGERLINT_PROFILE_OPTION(KEY, FLAG, META, DEFAULT, HELP)               \
  if (Local == #KEY) {                                                         \
    O.KEY = Value.str();                                                       \
    InProfile = true;                                                          \
  }
#include "eagerlint/analysis/Options.def"
  if (!InProfile)
    return llvm::Error::success();
  llvm::Expected<analysis::Profile> P = analysis::Profile::configured(O);
  return P ? llvm::Error::success() : P.takeError();
}

} // namespace eagerlint::cli
