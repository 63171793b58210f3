//===- Cache.h - Per-file results reused across runs ------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_CACHE_H
#define EAGERLINT_TOOL_CACHE_H

#include "Records.h"
#include "Runner.h"
#include "Worker.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eagerlint::cli {

struct CacheStats {
  unsigned Hits = 0;
  unsigned Misses = 0;
  /// Entries that existed but could not be used (corrupt, truncated, of
  /// another format): counted as misses and rewritten.
  unsigned Unusable = 0;
  uint64_t BytesRead = 0;
  uint64_t BytesWritten = 0;
};

/// A directory of worker results (`--cache DIR`, docs/design.md §5), as
/// ccache's direct mode: an entry is named by a key over what is known
/// before the analysis (eagerlint itself, the job with its compile commands
/// and options, the main file and the `.clang-tidy` files that configure
/// it) and holds the content hash of every file the preprocessor read, which
/// must still match. The entry is the worker's whole result: findings,
/// fix-its and project-wide facts, so the project-wide pass over cached and
/// fresh results is the pass over fresh ones.
class ResultCache {
public:
  /// \p Executable is the worker executable; its content is part of every
  /// key, so a rebuilt eagerlint never reads another build's results.
  ResultCache(llvm::StringRef Dir, llvm::StringRef Executable);

  /// The key of \p Job, or none when its file cannot be read.
  std::optional<std::string> key(const WorkerJob &Job);
  /// The result stored under \p Key whose dependencies are unchanged.
  std::optional<TUResult> lookup(const std::string &Key);
  /// Stores \p R under \p Key (atomically); failures cost only the entry.
  void store(const std::string &Key, const TUResult &R);

  const CacheStats &stats() const { return Stats; }
  /// One line: hits, misses, bytes read and written, the cache's size.
  void printStats(llvm::raw_ostream &OS) const;

private:
  /// Hex content hash of \p Path, once per run; none if unreadable.
  std::optional<std::string> contentHash(llvm::StringRef Path);
  std::string entryPath(llvm::StringRef Key) const;

  std::string Dir;
  std::string ToolIdentity;
  llvm::StringMap<std::optional<std::string>> Hashes;
  CacheStats Stats;
  bool WarnedWrite = false;
};

/// runWorkers for the jobs \p Cache has no valid entry for; the others'
/// results come from the cache. Outcomes in the order of \p Jobs.
std::vector<JobOutcome> runWorkersCached(const std::vector<WorkerJob> &Jobs,
                                         const RunnerOptions &Opts,
                                         ResultCache &Cache);

} // namespace eagerlint::cli

#endif
