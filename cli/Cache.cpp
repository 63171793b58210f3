//===- Cache.cpp - Per-file results reused across runs --------------------===//
//
// An entry is DIR/<first two hex digits>/<key>.json, written through a
// temporary file and a rename: a reader sees no entry or a whole one, and
// runs that share the directory at once only ever replace whole entries.
// Anything unreadable is a miss whose fresh result replaces it.
//
//===----------------------------------------------------------------------===//
#include "Cache.h"
#include "Support.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"


namespace eagerlint::cli {

namespace {

constexpr llvm::StringLiteral EntryFormat = "eagerlint-cache-entry";
constexpr int EntryVersion = 1;

std::string hexOf(llvm::BLAKE3 &H) {
  auto Digest = H.final<20>();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest), /*LowerCase=*/true);
}

void field(llvm::BLAKE3 &H, llvm::StringRef S) {
  H.update(S);
  H.update(llvm::StringRef("\0", 1));
}

} // namespace

ResultCache::ResultCache(llvm::StringRef Dir, llvm::StringRef Executable)
    : Dir(Dir.str()) {
  llvm::BLAKE3 H;
  field(H, "eagerlint " EAGERLINT_VERSION " LLVM " LLVM_VERSION_STRING);
  field(H, contentHash(Executable).value_or(Executable.str()));
  ToolIdentity = hexOf(H);
}

std::optional<std::string> ResultCache::contentHash(llvm::StringRef Path) {
  auto It = Hashes.find(Path);
  if (It != Hashes.end())
    return It->second;
  std::optional<std::string> Hash;
  if (auto B = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false)) {
    llvm::BLAKE3 H;
    H.update((*B)->getBuffer());
    Hash = hexOf(H);
  }
  Hashes[Path] = Hash;
  return Hash;
}

std::optional<std::string> ResultCache::key(const WorkerJob &Job) {
  std::optional<std::string> Main = contentHash(Job.File);
  if (!Main)
    return std::nullopt;
  llvm::BLAKE3 H;
  field(H, ToolIdentity);
  // Compile commands, checks, options, header filter and extra arguments;
  // printed with sorted keys, so equal jobs give equal text.
  std::string JobText;
  llvm::raw_string_ostream(JobText) << llvm::json::Value(toJSON(Job));
  field(H, JobText);
  field(H, *Main);
  // The configuration files clang-tidy reads for this file.
  for (llvm::StringRef D = llvm::sys::path::parent_path(Job.File); !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Config(D);
    llvm::sys::path::append(Config, ".clang-tidy");
    if (!llvm::sys::fs::exists(Config))
      continue;
    field(H, Config);
    field(H, contentHash(Config).value_or("unreadable"));
  }
  return hexOf(H);
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Key.take_front(2), Key + ".json");
  return std::string(P);
}

std::optional<TUResult> ResultCache::lookup(const std::string &Key) {
  std::string Path = entryPath(Key);
  auto B = llvm::MemoryBuffer::getFile(Path);
  if (!B) {
    ++Stats.Misses;
    return std::nullopt;
  }
  auto Unusable = [&]() -> std::optional<TUResult> {
    ++Stats.Misses;
    ++Stats.Unusable;
    return std::nullopt;
  };
  llvm::Expected<llvm::json::Value> V = llvm::json::parse((*B)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return Unusable();
  }
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *Deps = O ? O->getArray("hashes") : nullptr;
  const llvm::json::Value *Result = O ? O->get("result") : nullptr;
  TUResult R;
  llvm::json::Path::Root Root;
  if (!O || O->getString("format") != EntryFormat ||
      O->getInteger("version") != EntryVersion || O->getString("key") != Key ||
      !Deps || !Result || !fromJSON(*Result, R, Root) ||
      Deps->size() != R.Dependencies.size())
    return Unusable();
  for (size_t I = 0; I < Deps->size(); ++I) {
    std::optional<llvm::StringRef> Want = (*Deps)[I].getAsString();
    if (!Want)
      return Unusable();
    // A changed or vanished include: this entry is stale, not broken.
    if (contentHash(R.Dependencies[I]) != *Want) {
      ++Stats.Misses;
      return std::nullopt;
    }
  }
  ++Stats.Hits;
  Stats.BytesRead += (*B)->getBufferSize();
  return R;
}

void ResultCache::store(const std::string &Key, const TUResult &R) {
  llvm::json::Array Deps;
  for (const std::string &D : R.Dependencies) {
    std::optional<std::string> Hash = contentHash(D);
    if (!Hash)
      return; // read by the worker, gone now: nothing reliable to store
    Deps.push_back(*Hash);
  }
  llvm::json::Value Entry = llvm::json::Object{{"format", EntryFormat},
                                               {"version", EntryVersion},
                                               {"key", Key},
                                               {"hashes", std::move(Deps)},
                                               {"result", toJSON(R)}};
  std::string Text;
  llvm::raw_string_ostream(Text) << Entry;
  std::string Path = entryPath(Key);
  std::error_code EC =
      llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
  llvm::Error E =
      EC ? llvm::createStringError(EC, "cannot create a directory for '" +
                                           Path + "': " + EC.message())
         : writeFileAtomically(Path,
                               [&](llvm::raw_ostream &OS) { OS << Text; });
  if (!E) {
    Stats.BytesWritten += Text.size();
    return;
  }
  // The run's results do not depend on the cache: say it once, go on.
  std::string Msg = llvm::toString(std::move(E));
  if (!WarnedWrite)
    llvm::errs() << "eagerlint: warning: cache: " << Msg << "\n";
  WarnedWrite = true;
}

void ResultCache::printStats(llvm::raw_ostream &OS) const {
  uint64_t Size = 0;
  unsigned Entries = 0;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator I(Dir, EC), End;
       I != End && !EC; I.increment(EC)) {
    if (!llvm::StringRef(I->path()).ends_with(".json"))
      continue;
    llvm::ErrorOr<llvm::sys::fs::basic_file_status> S = I->status();
    if (S && S->type() == llvm::sys::fs::file_type::regular_file) {
      Size += S->getSize();
      ++Entries;
    }
  }
  OS << "eagerlint: cache: " << Stats.Hits
     << (Stats.Hits == 1 ? " hit, " : " hits, ") << Stats.Misses
     << (Stats.Misses == 1 ? " miss" : " misses");
  if (Stats.Unusable)
    OS << " (" << Stats.Unusable
       << (Stats.Unusable == 1 ? " unusable entry" : " unusable entries")
       << " replaced)";
  OS << ", " << Stats.BytesRead << " bytes read, " << Stats.BytesWritten
     << " bytes written; " << Entries << (Entries == 1 ? " entry" : " entries")
     << ", " << Size << " bytes in " << Dir << "\n";
}

namespace {

/// A crash is not a result, and a compile error may come from a header that
/// is missing now and no dependency records (generated later): both are
/// analysed again by the next run.
bool cacheable(const JobOutcome &O) {
  return O.HasResult && O.Result.ToolSucceeded &&
         llvm::none_of(O.Result.Diags, [](const DiagRecord &D) {
           return D.Level == "error" &&
                  !llvm::StringRef(D.Check).starts_with("eager-");
         });
}

} // namespace

std::vector<JobOutcome> runWorkersCached(const std::vector<WorkerJob> &Jobs,
                                         const RunnerOptions &Opts,
                                         ResultCache &Cache) {
  std::vector<JobOutcome> Out(Jobs.size());
  std::vector<std::optional<std::string>> Keys(Jobs.size());
  std::vector<WorkerJob> Misses;
  std::vector<size_t> MissIndex;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    Keys[I] = Cache.key(Jobs[I]);
    if (Keys[I]) {
      if (std::optional<TUResult> R = Cache.lookup(*Keys[I])) {
        Out[I].HasResult = true;
        Out[I].Result = std::move(*R);
        continue;
      }
    }
    Misses.push_back(Jobs[I]);
    MissIndex.push_back(I);
  }
  std::vector<JobOutcome> Fresh = runWorkers(Misses, Opts);
  for (size_t M = 0; M < Fresh.size(); ++M) {
    size_t I = MissIndex[M];
    if (Keys[I] && cacheable(Fresh[M]))
      Cache.store(*Keys[I], Fresh[M].Result);
    Out[I] = std::move(Fresh[M]);
  }
  return Out;
}

} // namespace eagerlint::cli
