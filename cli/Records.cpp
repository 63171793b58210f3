//===- Records.cpp - JSON form of the worker's results --------------------===//
#include "Records.h"
#include <limits>

namespace eagerlint::cli {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {
/// llvm::json has no fromJSON for unsigned.
bool mapUnsigned(const Value &V, llvm::StringRef Key, unsigned &Out) {
  const Object *O = V.getAsObject();
  std::optional<int64_t> N = O ? O->getInteger(Key) : std::nullopt;
  if (!N || *N < 0 || *N > std::numeric_limits<unsigned>::max())
    return false;
  Out = static_cast<unsigned>(*N);
  return true;
}
} // namespace

Value toJSON(const Position &P) {
  return Object{{"file", P.File}, {"offset", P.Offset}};
}

Value toJSON(const Replacement &R) {
  return Object{{"file", R.File},
                {"offset", R.Offset},
                {"length", R.Length},
                {"text", R.Text}};
}

Value toJSON(const NoteRecord &N) {
  return Object{{"pos", N.Pos}, {"message", N.Message}};
}

Value toJSON(const DiagRecord &D) {
  Object O{{"check", D.Check},
           {"level", D.Level},
           {"message", D.Message},
           {"notes", D.Notes},
           {"fix", D.Fix}};
  if (D.HasPos)
    O["pos"] = D.Pos;
  return O;
}

Value toJSON(const ConditionalRecord &C) {
  return Object{{"check", C.Check}, {"pos", C.Pos}, {"usr", C.USR}};
}

Value toJSON(const SpawnRecord &S) {
  return Object{{"usr", S.USR}, {"pos", S.Pos}, {"typeLevel", S.TypeLevel}};
}

Value toJSON(const TUResult &R) {
  return Object{{"file", R.File},       {"toolSucceeded", R.ToolSucceeded},
                {"seconds", R.Seconds}, {"diagnostics", R.Diags},
                {"spawns", R.Spawns},   {"conditional", R.Conditional},
                {"dependencies", R.Dependencies}};
}

bool fromJSON(const Value &V, Position &P, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", P.File) && mapUnsigned(V, "offset", P.Offset);
}

bool fromJSON(const Value &V, Replacement &R, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", R.File) && mapUnsigned(V, "offset", R.Offset) &&
         mapUnsigned(V, "length", R.Length) && O.map("text", R.Text);
}

bool fromJSON(const Value &V, NoteRecord &N, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("pos", N.Pos) && O.map("message", N.Message);
}

bool fromJSON(const Value &V, DiagRecord &D, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  if (!O || !O.map("check", D.Check) || !O.map("level", D.Level) ||
      !O.map("message", D.Message) || !O.map("notes", D.Notes) ||
      !O.map("fix", D.Fix))
    return false;
  D.HasPos = V.getAsObject()->get("pos") != nullptr;
  return !D.HasPos || O.map("pos", D.Pos);
}

bool fromJSON(const Value &V, ConditionalRecord &C, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("check", C.Check) && O.map("pos", C.Pos) &&
         O.map("usr", C.USR);
}

bool fromJSON(const Value &V, SpawnRecord &S, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("usr", S.USR) && O.map("pos", S.Pos) &&
         O.mapOptional("typeLevel", S.TypeLevel);
}

bool fromJSON(const Value &V, TUResult &R, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", R.File) &&
         O.map("toolSucceeded", R.ToolSucceeded) &&
         O.map("seconds", R.Seconds) && O.map("diagnostics", R.Diags) &&
         O.map("spawns", R.Spawns) && O.map("conditional", R.Conditional) &&
         O.mapOptional("dependencies", R.Dependencies);
}

} // namespace eagerlint::cli
