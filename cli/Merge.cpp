//===- Merge.cpp - `--shard K/N` and `eagerlint merge` --------------------===//
//
// A shard writes what each of its workers returned (findings, fix-its and
// the project-wide facts: spawns, conditional findings), not a report: a
// coroutine defined in one shard may be spawned only in another, so the
// project-wide pass can run only once every part is in. The merge feeds the
// joined results to the same report builder as a whole run, which makes its
// report the whole run's, byte for byte.
//
//===----------------------------------------------------------------------===//
#include "Merge.h"
#include "Support.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <map>


namespace eagerlint::cli {

namespace {

constexpr llvm::StringLiteral PartFormat = "eagerlint-partial-result";
constexpr int PartVersion = 1;

llvm::Error mergeError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "merge: " + Message);
}

std::string hexDigest(llvm::ArrayRef<std::string> Fields) {
  llvm::BLAKE3 H;
  for (const std::string &F : Fields) {
    H.update(F);
    H.update(llvm::StringRef("\0", 1));
  }
  auto D = H.final<16>();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(D), /*LowerCase=*/true);
}

/// What must be equal in every shard of one run: checks, options, header
/// filter and extra arguments.
std::string configurationFingerprint(const DriverConfig &C) {
  std::string Text;
  llvm::raw_string_ostream(Text) << llvm::json::Value(toJSON(C.Template));
  return hexDigest({Text});
}

/// Which files the whole run analyses, whatever the shard: every shard of a
/// run computes the same one.
std::string selectionDigest(const DriverConfig &C, const Selection &S) {
  std::vector<std::string> Names;
  for (const std::string &F : S.Files)
    Names.push_back("file:" + relativeTo(F, C.SourceRoot));
  for (const FailedFile &F : S.NotAnalysable)
    Names.push_back("input:" + relativeTo(F.File, C.SourceRoot));
  llvm::sort(Names);
  return hexDigest(Names);
}

/// Every string of \p V that names a path under \p From, moved under \p To:
/// parts written in another checkout of the same tree (a CI runner with
/// another workspace path) still merge.
void relocate(llvm::json::Value &V, llvm::StringRef From, llvm::StringRef To) {
  if (llvm::json::Object *O = V.getAsObject()) {
    for (auto &KV : *O)
      relocate(KV.second, From, To);
  } else if (llvm::json::Array *A = V.getAsArray()) {
    for (llvm::json::Value &E : *A)
      relocate(E, From, To);
  } else if (std::optional<llvm::StringRef> S = V.getAsString()) {
    if (isUnder(*S, From))
      V = To.rtrim('/').str() + S->drop_front(From.rtrim('/').size()).str();
  }
}

struct Part {
  std::string Path;
  std::string Version, Configuration, Digest, SourceRoot;
  unsigned Index = 0, Count = 0, SelectedFiles = 0;
  std::vector<JobOutcome> Outcomes;
  std::vector<FailedFile> NotAnalysable;
};

llvm::Expected<Part> readPart(llvm::StringRef Path,
                              llvm::StringRef SourceRoot) {
  Part P;
  P.Path = Path.str();
  auto B = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!B)
    return mergeError(Path + ": cannot read it: " + B.getError().message());
  auto NotAPart = [&](const llvm::Twine &Why) {
    return mergeError(Path + ": not a partial result of `eagerlint --shard " +
                      "K/N` (" + Why + ")");
  };
  llvm::Expected<llvm::json::Value> V = llvm::json::parse((*B)->getBuffer());
  if (!V)
    return NotAPart(llvm::toString(V.takeError()));
  llvm::json::Object *O = V->getAsObject();
  if (!O || O->getString("format") != PartFormat)
    return NotAPart("no \"format\": \"" + PartFormat + "\"");
  if (O->getInteger("version") != PartVersion)
    return NotAPart("format version " + llvm::Twine(PartVersion) + " expected");
  const llvm::json::Object *Tool = O->getObject("tool");
  const llvm::json::Object *Shard = O->getObject("shard");
  const llvm::json::Object *Sel = O->getObject("selection");
  auto Version = Tool ? Tool->getString("version") : std::nullopt;
  auto Config = O->getString("configuration");
  auto Root = O->getString("sourceRoot");
  auto K = Shard ? Shard->getInteger("index") : std::nullopt;
  auto N = Shard ? Shard->getInteger("count") : std::nullopt;
  auto Files = Sel ? Sel->getInteger("files") : std::nullopt;
  auto Digest = Sel ? Sel->getString("digest") : std::nullopt;
  if (!Version || !Config || !Root || !K || !N || !Files || !Digest || *N < 1 ||
      *K < 1 || *K > *N || *Files < 0)
    return NotAPart("its header is incomplete");
  P.Version = Version->str();
  P.Configuration = Config->str();
  P.SourceRoot = Root->str();
  P.Index = *K;
  P.Count = *N;
  P.SelectedFiles = *Files;
  P.Digest = Digest->str();

  if (P.SourceRoot != SourceRoot)
    relocate(*V, P.SourceRoot, SourceRoot);
  O = V->getAsObject();
  const llvm::json::Array *Results = O->getArray("files");
  const llvm::json::Array *Failed = O->getArray("notAnalysable");
  if (!Results || !Failed)
    return NotAPart("no \"files\" or \"notAnalysable\"");
  for (size_t I = 0; I < Results->size(); ++I) {
    const llvm::json::Object *E = (*Results)[I].getAsObject();
    JobOutcome Out;
    auto File = E ? E->getString("file") : std::nullopt;
    const llvm::json::Value *Result = E ? E->get("result") : nullptr;
    auto Failure = E ? E->getString("failure") : std::nullopt;
    llvm::json::Path::Root JRoot;
    bool Ok = File && (Result ? fromJSON(*Result, Out.Result, JRoot)
                              : Failure.has_value());
    if (!Ok)
      return NotAPart("file entry " + llvm::Twine(I + 1) + " is malformed");
    Out.HasResult = Result != nullptr;
    Out.Result.File = File->str();
    if (Failure)
      Out.Failure = Failure->str();
    P.Outcomes.push_back(std::move(Out));
  }
  for (const llvm::json::Value &F : *Failed) {
    const llvm::json::Object *E = F.getAsObject();
    auto File = E ? E->getString("file") : std::nullopt;
    auto Reason = E ? E->getString("reason") : std::nullopt;
    if (!File || !Reason)
      return NotAPart("a \"notAnalysable\" entry is malformed");
    P.NotAnalysable.push_back({File->str(), Reason->str()});
  }
  return P;
}

/// The N parts of one run, each once, from one version and configuration.
llvm::Error checkParts(const std::vector<Part> &Parts) {
  if (Parts.empty())
    return mergeError("no partial results given (usage: eagerlint merge "
                      "PART.json... [--format text|json|sarif] [--output F])");
  const Part &First = Parts.front();
  std::map<unsigned, const Part *> ByIndex;
  unsigned Files = 0;
  for (const Part &P : Parts) {
    if (P.Version != EAGERLINT_VERSION)
      return mergeError(P.Path + ": written by eagerlint " + P.Version +
                        ", this is eagerlint " EAGERLINT_VERSION
                        "; run the shards and the merge with one version");
    if (P.Count != First.Count)
      return mergeError(P.Path + ": shard " + llvm::Twine(P.Index) + "/" +
                        llvm::Twine(P.Count) + ", but " + First.Path +
                        " is shard " + llvm::Twine(First.Index) + "/" +
                        llvm::Twine(First.Count) +
                        ": the parts split the database differently");
    if (P.Configuration != First.Configuration)
      return mergeError(P.Path +
                        ": analysed with another configuration "
                        "(checks, options, header filter or extra "
                        "arguments) than " +
                        First.Path);
    if (P.Digest != First.Digest || P.SelectedFiles != First.SelectedFiles)
      return mergeError(P.Path +
                        ": a shard of another selection of files "
                        "(database or inputs) than " +
                        First.Path);
    auto [It, New] = ByIndex.try_emplace(P.Index, &P);
    if (!New)
      return mergeError("shard " + llvm::Twine(P.Index) + "/" +
                        llvm::Twine(P.Count) +
                        " given twice: " + It->second->Path + " and " + P.Path);
    Files += P.Outcomes.size() + P.NotAnalysable.size();
  }
  std::vector<std::string> Missing;
  for (unsigned K = 1; K <= First.Count; ++K)
    if (!ByIndex.count(K))
      Missing.push_back(std::to_string(K) + "/" + std::to_string(First.Count));
  if (!Missing.empty())
    return mergeError((Missing.size() == 1 ? "shard " : "shards ") +
                      llvm::join(Missing, ", ") + " missing");
  if (Files != First.SelectedFiles)
    return mergeError("the parts hold " + llvm::Twine(Files) +
                      " files, their run selected " +
                      llvm::Twine(First.SelectedFiles));
  return llvm::Error::success();
}

/// Flags that choose what is analysed and how: a merge takes them from its
/// parts, so giving one there is a mistake worth a clear line.
llvm::Error rejectAnalysisFlags() {
  std::vector<llvm::StringRef> Names;
  for (llvm::StringRef N : llvm::split(
           "p j checks option header-filter extra-arg extra-arg-before shard "
           "cache cache-stats",
           ' '))
    Names.push_back(N);
#define EAGERLINT_OPTION_NAME(KEY, FLAG, META, DEFAULT, HELP)                  \
  Names.push_back(FLAG);
#define EAGERLINT_PROFILE_OPTION EAGERLINT_OPTION_NAME
#define EAGERLINT_ENGINE_OPTION EAGERLINT_OPTION_NAME
#include "eagerlint/analysis/Options.def"
#undef EAGERLINT_OPTION_NAME
  llvm::StringMap<llvm::cl::Option *> &Registered =
      llvm::cl::getRegisteredOptions();
  for (llvm::StringRef Name : Names) {
    auto It = Registered.find(Name);
    if (It != Registered.end() && It->second->getNumOccurrences())
      return mergeError(
          "-" + llvm::Twine(Name.size() > 1 ? "-" : "") + Name +
          " chooses what the shards analyse; give it to every `eagerlint "
          "--shard K/N` run, not to the merge");
  }
  return llvm::Error::success();
}

} // namespace

unsigned shardOf(llvm::StringRef File, llvm::StringRef SourceRoot,
                 unsigned Count) {
  return llvm::xxh3_64bits(relativeTo(File, SourceRoot)) % Count;
}

int runShard(const DriverConfig &C, const Selection &S,
             const std::string &Executable) {
  auto Mine = [&](llvm::StringRef F) {
    return shardOf(F, C.SourceRoot, C.ShardCount) == C.ShardIndex - 1;
  };
  std::vector<std::string> Files;
  for (const std::string &F : S.Files)
    if (Mine(F))
      Files.push_back(F);
  std::vector<FailedFile> NotAnalysable;
  for (const FailedFile &F : S.NotAnalysable)
    if (Mine(F.File))
      NotAnalysable.push_back(F);

  std::vector<JobOutcome> Outcomes = analyseFiles(C, S, Files, Executable);
  llvm::json::Array Results, Failed;
  for (JobOutcome &O : Outcomes) {
    // Only the cache needs the list of included files.
    O.Result.Dependencies.clear();
    if (O.HasResult)
      Results.push_back(
          llvm::json::Object{{"file", O.Result.File}, {"result", O.Result}});
    else
      Results.push_back(
          llvm::json::Object{{"file", O.Result.File}, {"failure", O.Failure}});
  }
  for (const FailedFile &F : NotAnalysable)
    Failed.push_back(
        llvm::json::Object{{"file", F.File}, {"reason", F.Reason}});
  llvm::json::Value Doc = llvm::json::Object{
      {"format", PartFormat},
      {"version", PartVersion},
      {"tool", llvm::json::Object{{"name", "eagerlint"},
                                  {"version", EAGERLINT_VERSION}}},
      {"configuration", configurationFingerprint(C)},
      {"shard",
       llvm::json::Object{{"index", C.ShardIndex}, {"count", C.ShardCount}}},
      {"selection",
       llvm::json::Object{{"files", S.Files.size() + S.NotAnalysable.size()},
                          {"digest", selectionDigest(C, S)}}},
      {"sourceRoot", C.SourceRoot},
      {"files", std::move(Results)},
      {"notAnalysable", std::move(Failed)}};
  auto Write = [&](llvm::raw_ostream &OS) { OS << Doc << "\n"; };
  if (C.OutputFile.empty()) {
    Write(llvm::outs());
    llvm::outs().flush();
  } else if (llvm::Error E = writeFileAtomically(C.OutputFile, Write)) {
    return usageFailure(std::move(E));
  }
  if (!C.Quiet)
    llvm::errs() << "eagerlint: shard " << C.ShardIndex << "/" << C.ShardCount
                 << ": " << Files.size() + NotAnalysable.size() << " of "
                 << S.Files.size() + S.NotAnalysable.size()
                 << " files; `eagerlint merge` the " << C.ShardCount
                 << (C.ShardCount == 1 ? " part" : " parts")
                 << " for the report\n";
  return 0;
}

int runMerge(int Argc, const char **Argv) {
  auto Start = std::chrono::steady_clock::now();
  if (llvm::Error E = parseCommandLine(Argc, Argv))
    return usageFailure(std::move(E));
  if (llvm::Error E = rejectAnalysisFlags())
    return usageFailure(std::move(E));
  llvm::Expected<DriverConfig> C = parseDriverConfig();
  if (!C)
    return usageFailure(C.takeError());
  auto Changes = readChanges(*C);
  if (!Changes)
    return usageFailure(Changes.takeError());

  std::vector<Part> Parts;
  for (const std::string &In : C->Inputs) {
    llvm::Expected<Part> P = readPart(In, C->SourceRoot);
    if (!P)
      return usageFailure(P.takeError());
    Parts.push_back(std::move(*P));
  }
  if (llvm::Error E = checkParts(Parts))
    return usageFailure(std::move(E));

  std::vector<JobOutcome> Outcomes;
  std::vector<FailedFile> NotAnalysable;
  for (Part &P : Parts) {
    std::move(P.Outcomes.begin(), P.Outcomes.end(),
              std::back_inserter(Outcomes));
    std::move(P.NotAnalysable.begin(), P.NotAnalysable.end(),
              std::back_inserter(NotAnalysable));
  }
  SourceCache Sources;
  Report R = assembleReport(*C, Outcomes, NotAnalysable, Sources);
  R.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return finishRun(*C, R, Sources, *Changes);
}

} // namespace eagerlint::cli
