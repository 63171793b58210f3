//===- Merge.h - `--shard K/N` and `eagerlint merge` ------------*- C++ -*-===//
#ifndef EAGERLINT_TOOL_MERGE_H
#define EAGERLINT_TOOL_MERGE_H

#include "Driver.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace eagerlint::cli {

/// The shard, 0 to \p Count - 1, that analyses \p File: a hash of its path
/// relative to \p SourceRoot, so the split depends neither on the order of
/// the database nor on where the checkout lies.
unsigned shardOf(llvm::StringRef File, llvm::StringRef SourceRoot,
                 unsigned Count);

/// `eagerlint --shard K/N ...`: analyses the files of \p S that fall to
/// shard K and writes the partial result (every file's worker result, not
/// only findings) to --output or standard output. Returns the exit code: 0
/// when the part was written (its failures are the merge's to report).
int runShard(const DriverConfig &C, const Selection &S,
             const std::string &Executable);

/// `eagerlint merge PART.json... [report options]`: checks that the parts
/// are the N shards of one run, then builds, gates and writes the report
/// exactly as that run would. \p Argv[0] is the program's name.
int runMerge(int Argc, const char **Argv);

} // namespace eagerlint::cli

#endif
