//===- Records.h - What the eagerlint CLI collects and reports --*- C++ -*-===//
#ifndef EAGERLINT_TOOL_RECORDS_H
#define EAGERLINT_TOOL_RECORDS_H

#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace eagerlint::cli {

/// A place in a file. Workers fill File and Offset; the driver adds Line and
/// Column once it has read the file.
struct Position {
  std::string File; ///< Absolute, normalized path.
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0; ///< 1-based byte column, as clang prints it.
  /// 1-based column in Unicode code points, as SARIF's columnKind says.
  unsigned CodePointColumn = 0;
};

struct Replacement {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

struct NoteRecord {
  Position Pos;
  std::string Message;
};

/// One diagnostic of the clang-tidy engine, independent of any SourceManager.
struct DiagRecord {
  std::string Check; ///< "eager-...", "clang-diagnostic-error", ...
  std::string Level; ///< "warning", "error" or "remark".
  std::string Message;
  Position Pos;
  bool HasPos = false;
  std::vector<NoteRecord> Notes;
  std::vector<Replacement> Fix;

  // Filled by the driver.
  std::string Fingerprint;
  /// What a version 1 baseline holds for this finding: it hashed the message
  /// with the reason for a missing fix-it appended, a note now.
  std::string LegacyFingerprint;
  bool Baselined = false;
};

/// A diagnostic that holds only if some translation unit spawns USR.
struct ConditionalRecord {
  std::string Check;
  Position Pos;
  std::string USR;
};

/// A recognised spawn site: a call that spawns the coroutine USR (empty when
/// the analysis could not resolve it).
struct SpawnRecord {
  std::string USR;
  Position Pos;
  /// The call starts an eager or flipped coroutine type itself (an eager
  /// start) rather than calling a spawn function (a spawn site).
  bool TypeLevel = false;
};

/// Everything a worker learns about one translation unit.
struct TUResult {
  std::string File;
  bool ToolSucceeded = false;
  double Seconds = 0;
  std::vector<DiagRecord> Diags;
  std::vector<SpawnRecord> Spawns;
  std::vector<ConditionalRecord> Conditional;
  /// Every file the preprocessor read (normalized), for the result cache.
  std::vector<std::string> Dependencies;
};

llvm::json::Value toJSON(const Position &P);
llvm::json::Value toJSON(const Replacement &R);
llvm::json::Value toJSON(const NoteRecord &N);
llvm::json::Value toJSON(const DiagRecord &D);
llvm::json::Value toJSON(const ConditionalRecord &C);
llvm::json::Value toJSON(const SpawnRecord &S);
llvm::json::Value toJSON(const TUResult &R);
bool fromJSON(const llvm::json::Value &V, Position &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, Replacement &R,
              llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, NoteRecord &N, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, DiagRecord &D, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, ConditionalRecord &C,
              llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, SpawnRecord &S,
              llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, TUResult &R, llvm::json::Path Path);

} // namespace eagerlint::cli

#endif
