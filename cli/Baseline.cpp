//===- Baseline.cpp - Known findings a CI gate tolerates ------------------===//
#include "Baseline.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <tuple>

namespace eagerlint::cli {

static constexpr int BaselineVersion = 2;

llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef Path) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Path + ": " + Why);
  };
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return Fail("cannot read the baseline: " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> V =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!V)
    return Fail("not a baseline: " + llvm::toString(V.takeError()));
  const llvm::json::Object *O = V->getAsObject();
  std::optional<int64_t> Version = O ? O->getInteger("version") : std::nullopt;
  if (!Version || *Version < 1 || *Version > BaselineVersion ||
      !O->getArray("findings"))
    return Fail("not an eagerlint baseline (version 1 to " +
                llvm::Twine(BaselineVersion) +
                " with a 'findings' array expected)");
  std::vector<BaselineEntry> Entries;
  for (const llvm::json::Value &E : *O->getArray("findings")) {
    const llvm::json::Object *EO = E.getAsObject();
    auto Check = EO ? EO->getString("check") : std::nullopt;
    auto File = EO ? EO->getString("file") : std::nullopt;
    auto FP = EO ? EO->getString("fingerprint") : std::nullopt;
    if (!Check || !File || !FP)
      return Fail("entry " + llvm::Twine(Entries.size() + 1) +
                  " lacks 'check', 'file' or 'fingerprint'");
    Entries.push_back(
        {Check->str(), File->str(), FP->str(), static_cast<int>(*Version)});
  }
  return Entries;
}

void applyBaseline(Report &R, const std::vector<BaselineEntry> &Entries) {
  // A version 1 entry holds what DiagRecord::LegacyFingerprint is now.
  std::map<std::tuple<int, std::string, std::string, std::string>, unsigned>
      Known;
  for (const BaselineEntry &E : Entries)
    ++Known[{E.Version == 1 ? 1 : 2, E.Check, E.File, E.Fingerprint}];
  R.UsedBaseline = true;
  for (DiagRecord &D : R.Findings) {
    std::string File = R.display(D.Pos.File);
    auto Take = [&](int Version, const std::string &Fingerprint) {
      auto It = Known.find({Version, D.Check, File, Fingerprint});
      if (It == Known.end() || It->second == 0)
        return false;
      --It->second;
      return true;
    };
    D.Baselined = Take(2, D.Fingerprint) || Take(1, D.LegacyFingerprint);
  }
}

llvm::Error writeBaseline(llvm::StringRef Path, const Report &R) {
  llvm::json::Array Findings;
  for (const DiagRecord &D : R.Findings)
    Findings.push_back(llvm::json::Object{
        {"check", D.Check},
        {"file", R.display(D.Pos.File)},
        {"fingerprint", D.Fingerprint},
        // For people reading the file; matching ignores them.
        {"line", D.Pos.Line},
        {"message", D.Message}});
  llvm::json::Value Doc = llvm::json::Object{{"version", BaselineVersion},
                                             {"tool", "eagerlint"},
                                             {"findings", std::move(Findings)}};
  return writeFileAtomically(Path, [&](llvm::raw_ostream &OS) {
    OS << llvm::formatv("{0:2}", Doc) << "\n";
  });
}

} // namespace eagerlint::cli
