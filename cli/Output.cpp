//===- Output.cpp - Text, JSON and SARIF reports, the summary -------------===//
#include "Output.h"
#include "Rules.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <map>

#ifndef EAGERLINT_VERSION
#define EAGERLINT_VERSION "0.0.0"
#endif
#ifndef EAGERLINT_HOMEPAGE_URL
#define EAGERLINT_HOMEPAGE_URL "https://github.com/eagerlint/eagerlint"
#endif
#ifndef EAGERLINT_DOCS_URL
#define EAGERLINT_DOCS_URL EAGERLINT_HOMEPAGE_URL "/blob/main/docs/checks"
#endif

namespace eagerlint::cli {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

std::string plural(unsigned N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

std::string directoryOf(llvm::StringRef Display) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(Display);
  return Dir.empty() ? "." : Dir.str();
}

void snippet(llvm::raw_ostream &OS, SourceCache &Sources, const Position &P) {
  if (!P.Line)
    return;
  llvm::StringRef Text = Sources.lineText(P.File, P.Offset);
  std::string Gutter = std::to_string(P.Line);
  if (Gutter.size() < 5)
    Gutter.insert(0, 5 - Gutter.size(), ' ');
  OS << Gutter << " | " << Text << "\n";
  std::string Caret;
  for (unsigned I = 0; I + 1 < P.Column && I < Text.size(); ++I)
    Caret += Text[I] == '\t' ? '\t' : ' ';
  OS << std::string(Gutter.size(), ' ') << " | " << Caret << "^\n";
}

std::string textPath(llvm::StringRef File, llvm::StringRef WorkingDir) {
  return relativeTo(File, WorkingDir);
}

/// Percent-encodes what a relative URI reference cannot hold literally.
std::string uriEncode(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += llvm::formatv("%{0:X2}", static_cast<unsigned>(C)).str();
  }
  return Out;
}

Value artifactLocation(const Report &R, llvm::StringRef File) {
  if (!R.SourceRoot.empty() && isUnder(File, R.SourceRoot))
    return Object{{"uri", uriEncode(R.display(File))},
                  {"uriBaseId", "%SRCROOT%"}};
  return Object{{"uri", "file://" + uriEncode(File)}};
}

Value physicalLocation(const Report &R, const Position &P) {
  Object Loc{{"artifactLocation", artifactLocation(R, P.File)}};
  if (P.Line)
    Loc["region"] =
        Object{{"startLine", P.Line}, {"startColumn", P.CodePointColumn}};
  return Loc;
}

Value ruleJSON(const Rule &Rule) {
  std::string Help = Rule.Full.str() + " Fix-it: " + Rule.Fix.str();
  std::string Markdown = "**" + Rule.Short.str() + "**\n\n" + Rule.Full.str() +
                         "\n\nFix-it: " + Rule.Fix.str() + "\n\nSee [" +
                         Rule.Id.str() + "](" EAGERLINT_DOCS_URL "/" +
                         Rule.Id.str() + ".md).";
  return Object{
      {"id", Rule.Id},
      {"name", Rule.Name},
      {"shortDescription", Object{{"text", Rule.Short}}},
      {"fullDescription", Object{{"text", Rule.Full}}},
      {"help", Object{{"text", Help}, {"markdown", Markdown}}},
      {"helpUri", EAGERLINT_DOCS_URL "/" + Rule.Id.str() + ".md"},
      {"defaultConfiguration", Object{{"level", "warning"}}},
      {"properties",
       Object{{"tags", Array{"concurrency", "coroutines", "eager-start"}},
              {"precision", "high"},
              {"problem.severity", "warning"}}}};
}

/// Coverage rows per directory: every directory holding a file of
/// \p ByFile, by the path reports show.
std::map<std::string, Coverage> byDirectory(const Report &R) {
  std::map<std::string, Coverage> Dirs;
  for (const auto &[File, C] : R.CoverageByFile) {
    Coverage &D = Dirs[directoryOf(R.display(File))];
    D.SpawnSites += C.SpawnSites;
    D.EagerStarts += C.EagerStarts;
  }
  return Dirs;
}

Value coverageJSON(const Coverage &C) {
  return Object{{"spawnSites", C.SpawnSites}, {"eagerStarts", C.EagerStarts}};
}

/// The coverage of a run (docs/design.md §4.2): in total, per directory and
/// per file, as JSON and SARIF run properties show it.
Value coverageJSON(const Report &R) {
  Object Dirs, Files;
  for (const auto &[Dir, C] : byDirectory(R))
    Dirs[Dir] = coverageJSON(C);
  for (const auto &[File, C] : R.CoverageByFile)
    Files[R.display(File)] = coverageJSON(C);
  return Object{{"spawnSites", R.Recognised.SpawnSites},
                {"eagerStarts", R.Recognised.EagerStarts},
                {"byDirectory", std::move(Dirs)},
                {"byFile", std::move(Files)}};
}

bool readyToFlip(const Report &R) {
  return R.newFindings() == 0 && R.Failed.empty() && !R.nothingRecognised();
}

} // namespace

const llvm::StringLiteral NothingRecognised =
    "no spawn site recognised: nothing shows that the code is ready to flip; "
    "find the runtime's spawn functions and coroutine types with `eagerlint "
    "discover -p BUILD_DIR` and configure them (docs/runtimes.md)";

std::string verdict(const Report &R) {
  unsigned New = R.newFindings();
  std::string Failed;
  if (!R.Failed.empty())
    Failed =
        plural(R.Failed.size(), "file", "files") + " could not be analysed";
  if (New)
    return plural(New, "finding blocks", "findings block") + " the flip" +
           (Failed.empty() ? "" : "; " + Failed);
  if (!Failed.empty())
    return "not ready to flip: " + Failed;
  if (R.nothingRecognised())
    return NothingRecognised.str();
  return "ready to flip";
}

void writeText(llvm::raw_ostream &OS, const Report &R, SourceCache &Sources,
               llvm::StringRef WorkingDir) {
  for (const DiagRecord &D : R.Findings) {
    if (D.Baselined)
      continue;
    OS << textPath(D.Pos.File, WorkingDir) << ":" << D.Pos.Line << ":"
       << D.Pos.Column << ": warning: " << D.Message << " [" << D.Check
       << "]\n";
    snippet(OS, Sources, D.Pos);
    for (const NoteRecord &N : D.Notes) {
      if (!N.Pos.File.empty())
        OS << textPath(N.Pos.File, WorkingDir) << ":" << N.Pos.Line << ":"
           << N.Pos.Column << ": ";
      OS << "note: " << N.Message << "\n";
      snippet(OS, Sources, N.Pos);
    }
  }
}

static Value summaryJSON(const Report &R) {
  std::map<std::string, unsigned> ByCheck, ByDir;
  for (const DiagRecord &D : R.Findings)
    if (!D.Baselined) {
      ++ByCheck[D.Check];
      ++ByDir[directoryOf(R.display(D.Pos.File))];
    }
  Object Checks, Dirs;
  for (auto &[K, N] : ByCheck)
    Checks[K] = N;
  for (auto &[K, N] : ByDir)
    Dirs[K] = N;
  return Object{{"files", R.Files},
                {"analysed", R.Analysed},
                {"failed", R.Failed.size()},
                {"findings", R.newFindings()},
                {"baselined", R.baselinedFindings()},
                {"byCheck", std::move(Checks)},
                {"byDirectory", std::move(Dirs)},
                {"coverage", coverageJSON(R)},
                {"readyToFlip", readyToFlip(R)},
                {"verdict", verdict(R)}};
}

void writeJSON(llvm::raw_ostream &OS, const Report &R, int ExitCode) {
  Array Findings;
  for (const DiagRecord &D : R.Findings) {
    Array Notes;
    for (const NoteRecord &N : D.Notes)
      Notes.push_back(Object{{"file", R.display(N.Pos.File)},
                             {"line", N.Pos.Line},
                             {"column", N.Pos.Column},
                             {"message", N.Message}});
    Array Fix;
    for (const Replacement &Rep : D.Fix)
      Fix.push_back(Object{{"file", R.display(Rep.File)},
                           {"offset", Rep.Offset},
                           {"length", Rep.Length},
                           {"text", Rep.Text}});
    Findings.push_back(Object{{"check", D.Check},
                              {"level", D.Level},
                              {"file", R.display(D.Pos.File)},
                              {"line", D.Pos.Line},
                              {"column", D.Pos.Column},
                              {"offset", D.Pos.Offset},
                              {"message", D.Message},
                              {"fingerprint", D.Fingerprint},
                              {"baselined", D.Baselined},
                              {"notes", std::move(Notes)},
                              {"fix", std::move(Fix)}});
  }
  Array Failed;
  for (const FailedFile &F : R.Failed)
    Failed.push_back(Object{{"file", R.display(F.File)}, {"reason", F.Reason}});
  Value Doc = Object{
      {"version", 1},
      {"tool", Object{{"name", "eagerlint"}, {"version", EAGERLINT_VERSION}}},
      {"sourceRoot", R.SourceRoot},
      {"findings", std::move(Findings)},
      {"failed", std::move(Failed)},
      {"summary", summaryJSON(R)},
      {"exitCode", ExitCode}};
  OS << llvm::formatv("{0:2}", Doc) << "\n";
}

void writeSARIF(llvm::raw_ostream &OS, const Report &R, int ExitCode) {
  Array Rules;
  for (const Rule &Rule : rules())
    Rules.push_back(ruleJSON(Rule));

  Array Results;
  for (const DiagRecord &D : R.Findings) {
    if (D.Baselined)
      continue;
    int RuleIndex = -1;
    for (size_t I = 0; I < rules().size(); ++I)
      if (rules()[I].Id == D.Check)
        RuleIndex = I;
    Array Related;
    int Id = 1;
    for (const NoteRecord &N : D.Notes) {
      if (N.Pos.File.empty())
        continue;
      Related.push_back(Object{{"id", Id++},
                               {"physicalLocation", physicalLocation(R, N.Pos)},
                               {"message", Object{{"text", N.Message}}}});
    }
    Object Result{
        {"ruleId", D.Check},
        {"level", "warning"},
        {"kind", "fail"},
        {"message", Object{{"text", D.Message}}},
        {"locations",
         Array{Object{{"physicalLocation", physicalLocation(R, D.Pos)}}}},
        {"partialFingerprints", Object{{"eagerlint/v1", D.Fingerprint}}}};
    if (RuleIndex >= 0)
      Result["ruleIndex"] = RuleIndex;
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (R.UsedBaseline)
      Result["baselineState"] = "new";
    if (!D.Fix.empty()) {
      std::map<std::string, Array> PerFile;
      for (const Replacement &Rep : D.Fix)
        PerFile[Rep.File].push_back(
            Object{{"deletedRegion", Object{{"byteOffset", Rep.Offset},
                                            {"byteLength", Rep.Length}}},
                   {"insertedContent", Object{{"text", Rep.Text}}}});
      Array Changes;
      for (auto &[File, Reps] : PerFile)
        Changes.push_back(
            Object{{"artifactLocation", artifactLocation(R, File)},
                   {"replacements", std::move(Reps)}});
      Result["fixes"] = Array{
          Object{{"description", Object{{"text", "insert a suspension point"}}},
                 {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Result));
  }

  Array Notifications;
  for (const FailedFile &F : R.Failed)
    Notifications.push_back(Object{
        {"level", "error"},
        {"message", Object{{"text", "cannot analyse " + R.display(F.File) +
                                        ": " + F.Reason}}},
        {"locations", Array{Object{{"physicalLocation",
                                    Object{{"artifactLocation",
                                            artifactLocation(R, F.File)}}}}}}});
  Object Invocation{{"executionSuccessful", R.Failed.empty()},
                    {"exitCode", ExitCode}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  Object Run{{"tool", Object{{"driver",
                              Object{{"name", "eagerlint"},
                                     {"version", EAGERLINT_VERSION},
                                     {"semanticVersion", EAGERLINT_VERSION},
                                     {"informationUri", EAGERLINT_HOMEPAGE_URL},
                                     {"rules", std::move(Rules)}}}}},
             {"results", std::move(Results)},
             {"invocations", Array{std::move(Invocation)}},
             {"columnKind", "unicodeCodePoints"},
             {"properties", Object{{"coverage", coverageJSON(R)},
                                   {"readyToFlip", readyToFlip(R)},
                                   {"verdict", verdict(R)}}}};
  if (!R.SourceRoot.empty()) {
    std::string Root = R.SourceRoot;
    if (!llvm::StringRef(Root).ends_with("/"))
      Root += "/";
    Run["originalUriBaseIds"] =
        Object{{"%SRCROOT%", Object{{"uri", "file://" + uriEncode(Root)}}}};
  }
  Value Doc =
      Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Doc) << "\n";
}

/// The summary's coverage lines: the totals, then a row per directory of an
/// analysed file and per file in which something was recognised.
static void writeCoverage(llvm::raw_ostream &OS, const Report &R) {
  OS << "  recognised: "
     << plural(R.Recognised.SpawnSites, "spawn site", "spawn sites") << ", "
     << plural(R.Recognised.EagerStarts, "eager start", "eager starts") << "\n";
  // Empty tables when every file failed say nothing.
  if (R.Recognised.total() == 0)
    return;
  std::map<std::string, Coverage> Files;
  for (const auto &[File, C] : R.CoverageByFile)
    if (C.total())
      Files[R.display(File)] = C;
  std::map<std::string, Coverage> Dirs = byDirectory(R);
  // One width for both tables, so their columns line up.
  size_t Width = std::string("recognised per directory:").size() + 2;
  for (const auto *Rows : {&Dirs, &Files})
    for (const auto &[K, C] : *Rows)
      Width = std::max(Width, K.size() + 4);
  auto Table = [&](llvm::StringRef Title,
                   const std::map<std::string, Coverage> &Rows) {
    OS << "  " << llvm::left_justify(Title.str() + ":", Width - 2)
       << "  spawn sites  eager starts\n";
    for (const auto &[K, C] : Rows)
      OS << "    " << llvm::left_justify(K, Width - 4) << "  "
         << llvm::right_justify(std::to_string(C.SpawnSites), 11) << "  "
         << llvm::right_justify(std::to_string(C.EagerStarts), 12) << "\n";
  };
  Table("recognised per directory", Dirs);
  Table("recognised per file", Files);
}

void writeSummary(llvm::raw_ostream &OS, const Report &R) {
  std::map<std::string, unsigned> ByCheck, ByDir;
  for (const DiagRecord &D : R.Findings)
    if (!D.Baselined) {
      ++ByCheck[D.Check];
      ++ByDir[directoryOf(R.display(D.Pos.File))];
    }
  OS << "eagerlint: " << plural(R.Analysed, "file", "files") << " analysed, "
     << R.Failed.size() << " failed, "
     << plural(R.newFindings(), "finding", "findings") << " in "
     << llvm::formatv("{0:f1}", R.Seconds) << " s (-j" << R.Jobs << ")\n";
  auto Table = [&](llvm::StringRef Title,
                   const std::map<std::string, unsigned> &Rows) {
    if (Rows.empty())
      return;
    size_t Width = 0;
    for (auto &[K, N] : Rows)
      Width = std::max(Width, K.size());
    OS << "  findings per " << Title << ":\n";
    for (auto &[K, N] : Rows)
      OS << "    " << llvm::left_justify(K, Width) << "  " << N << "\n";
  };
  Table("check", ByCheck);
  Table("directory", ByDir);
  if (R.UsedBaseline)
    OS << "  baseline: "
       << plural(R.baselinedFindings(), "known finding", "known findings")
       << " not reported\n";
  writeCoverage(OS, R);
  OS << verdict(R) << "\n";
}

} // namespace eagerlint::cli
