//===- Report.cpp - The project-wide result of a run ----------------------===//
#include "Report.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/SHA1.h"
#include <map>
#include <set>
#include <tuple>

namespace eagerlint::cli {

unsigned Report::newFindings() const {
  return llvm::count_if(Findings,
                        [](const DiagRecord &D) { return !D.Baselined; });
}

unsigned Report::baselinedFindings() const {
  return Findings.size() - newFindings();
}

namespace {

std::string locate(const Position &P, const Report &R, SourceCache &Sources) {
  auto [Line, Col] = Sources.lineColumn(P.File, P.Offset);
  std::string S = R.display(P.File);
  if (Line)
    S += ":" + std::to_string(Line) + ":" + std::to_string(Col);
  return S;
}

/// Why a translation unit could not be analysed, in one line; empty if it
/// was analysed.
std::string failureOf(const JobOutcome &O, const Report &R,
                      SourceCache &Sources) {
  if (!O.HasResult)
    return O.Failure;
  // A configuration error stops the whole run (exit code 2); it is not this
  // file's failure.
  if (llvm::any_of(O.Result.Diags, [](const DiagRecord &D) {
        return D.Check == "clang-tidy-config";
      }))
    return {};
  for (const DiagRecord &D : O.Result.Diags) {
    if (D.Level != "error")
      continue;
    llvm::StringRef Check = D.Check;
    if (Check == "eagerlint-error")
      return D.Message;
    if (Check.starts_with("clang-diagnostic-"))
      return (D.HasPos ? locate(D.Pos, R, Sources) + ": " : std::string()) +
             D.Message;
  }
  if (!O.Result.ToolSucceeded)
    return "the compiler could not process it";
  return {};
}

using DiagKey = std::tuple<std::string, std::string, unsigned>;

/// Counts the spawn site \p S once, however many translation units (or
/// configurations) name it. Sites in headers outside the source root are a
/// library's own (a runtime spawning its helpers): they say nothing about
/// the project's code.
void countSite(Report &R, const SpawnRecord &S,
               std::set<std::tuple<std::string, unsigned, bool>> &Seen) {
  if (!R.SourceRoot.empty() && !isUnder(S.Pos.File, R.SourceRoot) &&
      !R.CoverageByFile.count(S.Pos.File))
    return;
  if (!Seen.insert({S.Pos.File, S.Pos.Offset, S.TypeLevel}).second)
    return;
  Coverage &File = R.CoverageByFile[S.Pos.File];
  unsigned Coverage::*Field =
      S.TypeLevel ? &Coverage::EagerStarts : &Coverage::SpawnSites;
  ++(File.*Field);
  ++(R.Recognised.*Field);
}

} // namespace

std::string fingerprintBase(llvm::StringRef Check, llvm::StringRef File,
                            llvm::StringRef LineText, llvm::StringRef Message) {
  std::string Line;
  for (char C : LineText)
    if (!llvm::isSpace(C))
      Line += C;
  llvm::SHA1 H;
  H.update(Check);
  H.update(llvm::StringRef("\0", 1));
  H.update(File);
  H.update(llvm::StringRef("\0", 1));
  H.update(Line);
  H.update(llvm::StringRef("\0", 1));
  H.update(Message);
  std::array<uint8_t, 20> Digest = H.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest).take_front(8),
                     /*LowerCase=*/true);
}

Report buildReport(const std::vector<JobOutcome> &Outcomes,
                   SourceCache &Sources, llvm::StringRef SourceRoot) {
  Report R;
  R.SourceRoot = SourceRoot.str();
  R.Files = Outcomes.size();

  // Translation units in path order, so every choice below is deterministic.
  std::vector<const JobOutcome *> TUs;
  for (const JobOutcome &O : Outcomes)
    TUs.push_back(&O);
  llvm::sort(TUs, [](const JobOutcome *L, const JobOutcome *Rt) {
    return L->Result.File < Rt->Result.File;
  });

  // The project-wide facts: every spawned coroutine and one place it is
  // spawned (the first in path order).
  std::map<std::string, Position> SpawnedAt;
  std::set<std::tuple<std::string, unsigned, bool>> Sites;
  llvm::StringSet<> ConfigSeen;
  std::vector<const JobOutcome *> Analysed;
  for (const JobOutcome *O : TUs) {
    std::string Why = failureOf(*O, R, Sources);
    if (!Why.empty()) {
      R.Failed.push_back({O->Result.File, Why});
      continue;
    }
    ++R.Analysed;
    Analysed.push_back(O);
    R.CoverageByFile.try_emplace(O->Result.File);
    for (const SpawnRecord &S : O->Result.Spawns) {
      countSite(R, S, Sites);
      if (S.USR.empty())
        continue;
      auto [It, New] = SpawnedAt.try_emplace(S.USR, S.Pos);
      if (!New && std::tie(S.Pos.File, S.Pos.Offset) <
                      std::tie(It->second.File, It->second.Offset))
        It->second = S.Pos;
    }
  }

  std::map<std::tuple<std::string, std::string, unsigned, std::string>, size_t>
      Seen;
  for (const JobOutcome *O : Analysed) {
    std::map<DiagKey, std::string> Conditional;
    for (const ConditionalRecord &C : O->Result.Conditional)
      Conditional[{C.Check, C.Pos.File, C.Pos.Offset}] = C.USR;

    for (const DiagRecord &D : O->Result.Diags) {
      if (D.Check == "clang-tidy-config") {
        std::string Msg = D.Message;
        if (ConfigSeen.insert(Msg).second)
          R.ConfigErrors.push_back(Msg);
        continue;
      }
      if (!llvm::StringRef(D.Check).starts_with("eager-") || !D.HasPos)
        continue;
      DiagRecord F = D;
      auto C = Conditional.find({D.Check, D.Pos.File, D.Pos.Offset});
      if (C != Conditional.end()) {
        if (!SpawnedAt.count(C->second))
          continue;
        // A conditional finding's coroutine is spawned in no translation
        // unit that reported it: say where another one spawns it.
        auto At = SpawnedAt.find(C->second);
        if (At != SpawnedAt.end())
          F.Notes.insert(F.Notes.begin(), {At->second, "task spawned here"});
      }
      auto Key = std::make_tuple(F.Check, F.Pos.File, F.Pos.Offset, F.Message);
      auto [It, New] = Seen.try_emplace(Key, R.Findings.size());
      if (New)
        R.Findings.push_back(std::move(F));
      else if (F.Notes.size() > R.Findings[It->second].Notes.size())
        R.Findings[It->second] = std::move(F);
    }
  }

  auto Fill = [&](Position &P) {
    std::tie(P.Line, P.Column) = Sources.lineColumn(P.File, P.Offset);
    P.CodePointColumn = Sources.codePointColumn(P.File, P.Offset);
  };
  for (DiagRecord &D : R.Findings) {
    Fill(D.Pos);
    for (NoteRecord &N : D.Notes)
      if (!N.Pos.File.empty())
        Fill(N.Pos);
  }
  llvm::sort(R.Findings, [&](const DiagRecord &L, const DiagRecord &Rt) {
    return std::make_tuple(R.display(L.Pos.File), L.Pos.Line, L.Pos.Column,
                           L.Check, L.Message) <
           std::make_tuple(R.display(Rt.Pos.File), Rt.Pos.Line, Rt.Pos.Column,
                           Rt.Check, Rt.Message);
  });

  // Identical findings on identical lines are told apart by their rank.
  llvm::StringMap<unsigned> Occurrences, LegacyOccurrences;
  for (DiagRecord &D : R.Findings) {
    std::string File = R.display(D.Pos.File);
    llvm::StringRef Line = Sources.lineText(D.Pos.File, D.Pos.Offset);
    std::string Base = fingerprintBase(D.Check, File, Line, D.Message);
    D.Fingerprint = Base + ":" + std::to_string(Occurrences[Base]++);
    // Version 1 hashed the message with the reason for a missing fix-it
    // appended; that reason is now the note at the finding's own position.
    std::string Legacy = D.Message;
    for (const NoteRecord &N : D.Notes)
      if (N.Pos.File == D.Pos.File && N.Pos.Offset == D.Pos.Offset) {
        Legacy += "; " + N.Message;
        break;
      }
    std::string LegacyBase = fingerprintBase(D.Check, File, Line, Legacy);
    D.LegacyFingerprint =
        LegacyBase + ":" + std::to_string(LegacyOccurrences[LegacyBase]++);
  }
  return R;
}

} // namespace eagerlint::cli
