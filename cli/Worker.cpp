//===- Worker.cpp - One translation unit through clang-tidy's engine ------===//
//
// A worker is the eagerlint executable started again by the driver for one
// file, so a crash in one translation unit costs that file only. It runs the
// checks exactly as clang-tidy does (its options provider, its AST consumer,
// its diagnostic consumer), with a FactsSink that takes the facts the
// project-wide pass needs from the checks' own analysis.
//
//===----------------------------------------------------------------------===//
#include "Worker.h"
#include "CheckOptions.h"
#include "FactsSink.h"
#include "Records.h"
#include "Support.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <set>
#include <tuple>

using namespace clang;
using namespace clang::tidy;

namespace eagerlint::cli {

//===-- Job serialization -------------------------------------------------===//

llvm::json::Value toJSON(const WorkerJob &J) {
  llvm::json::Array Commands;
  for (const tooling::CompileCommand &C : J.Commands)
    Commands.push_back(llvm::json::Object{{"directory", C.Directory},
                                          {"file", C.Filename},
                                          {"arguments", C.CommandLine},
                                          {"output", C.Output}});
  llvm::json::Object Options;
  for (const auto &[K, V] : J.CheckOptions)
    Options[K] = V;
  llvm::json::Object O{{"file", J.File},
                       {"commands", std::move(Commands)},
                       {"checkOptions", std::move(Options)},
                       {"extraArgs", J.ExtraArgs},
                       {"extraArgsBefore", J.ExtraArgsBefore}};
  if (J.Checks)
    O["checks"] = *J.Checks;
  if (J.HeaderFilter)
    O["headerFilter"] = *J.HeaderFilter;
  return O;
}

bool fromJSON(const llvm::json::Value &V, WorkerJob &J, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  if (!O || !O.map("file", J.File) || !O.mapOptional("checks", J.Checks) ||
      !O.mapOptional("headerFilter", J.HeaderFilter) ||
      !O.map("extraArgs", J.ExtraArgs) ||
      !O.map("extraArgsBefore", J.ExtraArgsBefore))
    return false;
  const llvm::json::Object *Obj = V.getAsObject();
  if (const llvm::json::Object *Opts = Obj->getObject("checkOptions"))
    for (const auto &KV : *Opts)
      if (auto S = KV.second.getAsString())
        J.CheckOptions[KV.first.str()] = S->str();
  if (const llvm::json::Array *Cmds = Obj->getArray("commands"))
    for (const llvm::json::Value &C : *Cmds) {
      tooling::CompileCommand Cmd;
      llvm::json::ObjectMapper CO(C, P.field("commands"));
      if (!CO || !CO.map("directory", Cmd.Directory) ||
          !CO.map("file", Cmd.Filename) ||
          !CO.map("arguments", Cmd.CommandLine) ||
          !CO.map("output", Cmd.Output))
        return false;
      J.Commands.push_back(std::move(Cmd));
    }
  return true;
}

//===-- Options -----------------------------------------------------------===//

std::string eagerGlobsOnly(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  std::string Out;
  for (llvm::StringRef G : Globs) {
    llvm::StringRef T = G.trim();
    if (!T.ltrim('-').starts_with("eager"))
      continue;
    if (!Out.empty())
      Out += ',';
    Out += T;
  }
  return Out;
}

std::vector<std::string>
checkConfigurationFiles(const std::vector<std::string> &Files) {
  std::vector<std::string> Problems;
  llvm::StringSet<> SeenDirs;
  for (const std::string &F : Files) {
    for (llvm::StringRef Dir = llvm::sys::path::parent_path(F); !Dir.empty();
         Dir = llvm::sys::path::parent_path(Dir)) {
      if (!SeenDirs.insert(Dir).second)
        break; // this directory and its parents were checked already
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, ".clang-tidy");
      if (!llvm::sys::fs::is_regular_file(Path))
        continue;
      auto Text = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
      if (!Text) {
        Problems.push_back(Path.str().str() +
                           ": cannot read it: " + Text.getError().message());
        continue;
      }
      std::string Where;
      llvm::ErrorOr<ClangTidyOptions> Parsed = parseConfigurationWithDiags(
          (*Text)->getMemBufferRef(), [&](const llvm::SMDiagnostic &D) {
            if (Where.empty())
              Where = ":" + std::to_string(D.getLineNo()) + ":" +
                      std::to_string(D.getColumnNo() + 1) + ": " +
                      D.getMessage().str();
          });
      if (!Parsed) {
        Problems.push_back(
            Path.str().str() +
            (Where.empty() ? ": " + Parsed.getError().message() : Where) +
            " (not a valid clang-tidy configuration)");
        continue;
      }
      for (const auto &KV : Parsed->CheckOptions) {
        llvm::StringRef Key = KV.getKey();
        if (!knownOptionKey(Key))
          continue;
        if (llvm::Error E = validateOption(Key, KV.getValue().Value))
          Problems.push_back(Path.str().str() + ": option '" + Key.str() +
                             "': " + llvm::toString(std::move(E)));
      }
    }
  }
  return Problems;
}

namespace {

/// clang-tidy's file options provider, except that a configuration file can
/// switch eager-* checks off (and on again) but not switch eagerlint off with
/// the `-*` most project configurations start with.
class EagerOptionsProvider : public ClangTidyOptionsProvider {
public:
  EagerOptionsProvider(ClangTidyOptions Defaults, ClangTidyOptions Overrides)
      : Inner(ClangTidyGlobalOptions(), std::move(Defaults),
              std::move(Overrides)) {}

  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner.getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override {
    std::vector<OptionsSource> Sources = Inner.getRawOptions(FileName);
    for (OptionsSource &S : Sources) {
      if (S.second ==
              ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary ||
          !S.first.Checks)
        continue;
      S.first.Checks = eagerGlobsOnly(*S.first.Checks);
    }
    return Sources;
  }

private:
  FileOptionsProvider Inner;
};

//===-- Project facts -----------------------------------------------------===//

/// Receives the checks' project-wide facts of the translation unit: its
/// recognised spawn sites (which coroutines it spawns) and the findings that
/// hold only if another translation unit spawns their coroutine. The driver
/// keeps those once it knows every translation unit's spawns.
class WorkerFacts : public tidy::FactsSink {
public:
  WorkerFacts(const ClangTidyContext &Context, TUResult &Out)
      : Context(Context), Out(Out) {}

  void spawn(llvm::StringRef USR, SourceLocation Call, bool TypeLevel,
             const SourceManager &SM) override {
    SpawnRecord S{USR.str(), position(SM, Call), TypeLevel};
    if (Spawns.insert({S.USR, S.Pos.File, S.Pos.Offset}).second)
      Out.Spawns.push_back(std::move(S));
  }

  void conditional(const analysis::Finding &F,
                   const SourceManager &SM) override {
    ConditionalRecord C{analysis::checkName(F.Kind).str(), position(SM, F.Loc),
                        F.RequiresSpawnOf};
    if (Conditionals.insert({C.Check + '\0' + C.USR, C.Pos.File, C.Pos.Offset})
            .second)
      Out.Conditional.push_back(std::move(C));
  }

private:
  Position position(const SourceManager &SM, SourceLocation Loc) const {
    // Where clang-tidy puts the diagnostic
    // (DiagnosticRenderer::emitDiagnostic).
    Loc = SM.getFileLoc(Loc);
    return {
        normalizePath(SM.getFilename(Loc), Context.getCurrentBuildDirectory()),
        SM.getFileOffset(Loc)};
  }

  const ClangTidyContext &Context;
  TUResult &Out;
  std::set<std::tuple<std::string, std::string, unsigned>> Spawns, Conditionals;
};

/// The files the preprocessor reads, system headers included (an upgraded
/// standard library changes results too): what the result cache keys on.
class DependencyList : public DependencyCollector {
public:
  DependencyList(FileManager &Files, std::set<std::string> &Out)
      : Files(Files), Out(Out) {}
  bool needSystemDependencies() override { return true; }
  bool sawDependency(StringRef Filename, bool /*FromModule*/,
                     bool /*IsSystem*/, bool /*IsModuleFile*/,
                     bool IsMissing) override {
    if (IsMissing || Filename == "<built-in>" || Filename.empty() ||
        !Seen.insert(Filename).second)
      return false;
    llvm::SmallString<256> Path(Filename);
    Files.makeAbsolutePath(Path);
    Out.insert(normalizePath(Path));
    return false;
  }

private:
  FileManager &Files;
  std::set<std::string> &Out;
  llvm::StringSet<> Seen; ///< As the preprocessor spells them.
};

class ActionFactory : public tooling::FrontendActionFactory {
public:
  ActionFactory(ClangTidyContext &Context,
                llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                std::set<std::string> &Dependencies)
      : ConsumerFactory(Context, std::move(FS)), Dependencies(Dependencies) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(*this);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy: code may test __clang_analyzer__.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  class Action : public ASTFrontendAction {
  public:
    explicit Action(ActionFactory &F) : F(F) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      // The preprocessor exists and has not entered the main file yet; the
      // factory outlives every compiler instance that calls back.
      F.Collectors.push_back(std::make_unique<DependencyList>(
          CI.getFileManager(), F.Dependencies));
      F.Collectors.back()->attachToPreprocessor(CI.getPreprocessor());
      return F.ConsumerFactory.createASTConsumer(CI, File);
    }

  private:
    ActionFactory &F;
  };

  ClangTidyASTConsumerFactory ConsumerFactory;
  std::set<std::string> &Dependencies;
  std::vector<std::unique_ptr<DependencyList>> Collectors;
};

const char *levelName(tooling::Diagnostic::Level L) {
  switch (L) {
  case tooling::Diagnostic::Remark:
    return "remark";
  case tooling::Diagnostic::Warning:
    return "warning";
  case tooling::Diagnostic::Error:
    return "error";
  }
  return "warning";
}

DiagRecord toRecord(const ClangTidyError &E) {
  DiagRecord D;
  D.Check = E.DiagnosticName;
  D.Level = levelName(E.DiagLevel);
  if (E.IsWarningAsError)
    D.Level = "error";
  D.Message = E.Message.Message;
  llvm::StringRef Build = E.BuildDirectory;
  if (!E.Message.FilePath.empty()) {
    D.HasPos = true;
    D.Pos = {normalizePath(E.Message.FilePath, Build), E.Message.FileOffset};
  }
  for (const tooling::DiagnosticMessage &N : E.Notes) {
    NoteRecord R;
    R.Message = N.Message;
    if (!N.FilePath.empty())
      R.Pos = {normalizePath(N.FilePath, Build), N.FileOffset};
    D.Notes.push_back(std::move(R));
  }
  for (const auto &FileAndReplacements : E.Message.Fix)
    for (const tooling::Replacement &R : FileAndReplacements.second)
      D.Fix.push_back({normalizePath(R.getFilePath(), Build), R.getOffset(),
                       R.getLength(), R.getReplacementText().str()});
  return D;
}

DiagRecord workerError(llvm::StringRef Message) {
  DiagRecord D;
  D.Check = "eagerlint-error";
  D.Level = "error";
  D.Message = Message.str();
  return D;
}

} // namespace

tooling::ArgumentsAdjuster resourceDirAdjuster() {
  return [](const tooling::CommandLineArguments &Args, StringRef) {
#ifdef EAGERLINT_CLANG_RESOURCE_DIR
    // Clang finds its builtin headers next to its executable; this one lives
    // in a build tree, so name the installed compiler's.
    for (const std::string &A : Args)
      if (StringRef(A).starts_with("-resource-dir"))
        return Args;
    tooling::CommandLineArguments Adjusted = Args;
    Adjusted.insert(Adjusted.begin() + (Adjusted.empty() ? 0 : 1),
                    "-resource-dir=" EAGERLINT_CLANG_RESOURCE_DIR);
    return Adjusted;
#else
    return Args;
#endif
  };
}

//===-- Entry point -------------------------------------------------------===//

static TUResult analyse(const WorkerJob &Job) {
  auto Start = std::chrono::steady_clock::now();
  TUResult Result;
  Result.File = Job.File;

  for (const tooling::CompileCommand &C : Job.Commands)
    if (!llvm::sys::fs::is_directory(C.Directory)) {
      Result.Diags.push_back(
          workerError("the directory of its compile command, '" + C.Directory +
                      "', does not exist"));
      return Result;
    }
  if (!llvm::sys::fs::exists(Job.File)) {
    Result.Diags.push_back(workerError("no such file"));
    return Result;
  }

  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks;
  Defaults.HeaderFilterRegex = ".*";
  Defaults.SystemHeaders = false;
  ClangTidyOptions Overrides;
  if (Job.Checks)
    Overrides.Checks = eagerGlobsOnly(*Job.Checks);
  if (Job.HeaderFilter)
    Overrides.HeaderFilterRegex = *Job.HeaderFilter;
  for (const auto &[K, V] : Job.CheckOptions)
    Overrides.CheckOptions[K] = ClangTidyOptions::ClangTidyValue(V);
  if (!Job.ExtraArgs.empty())
    Overrides.ExtraArgs = Job.ExtraArgs;
  if (!Job.ExtraArgsBefore.empty())
    Overrides.ExtraArgsBefore = Job.ExtraArgsBefore;

  ClangTidyContext Context(
      std::make_unique<EagerOptionsProvider>(Defaults, Overrides));
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));

  JobDatabase DB(Job.Commands);
  tooling::ClangTool Tool(DB, {Job.File},
                          std::make_shared<PCHContainerOperations>(), FS);
  // The extra arguments of the configuration, as runClangTidy adds them.
  Tool.appendArgumentsAdjuster(
      [&Context](const tooling::CommandLineArguments &Args, StringRef File) {
        ClangTidyOptions Opts = Context.getOptionsForFile(File);
        tooling::CommandLineArguments Adjusted = Args;
        if (Opts.ExtraArgsBefore) {
          auto I = Adjusted.begin();
          if (I != Adjusted.end() && !StringRef(*I).starts_with("-"))
            ++I;
          Adjusted.insert(I, Opts.ExtraArgsBefore->begin(),
                          Opts.ExtraArgsBefore->end());
        }
        if (Opts.ExtraArgs)
          Adjusted.insert(Adjusted.end(), Opts.ExtraArgs->begin(),
                          Opts.ExtraArgs->end());
        return Adjusted;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());
  Tool.setPrintErrorMessage(false);

  ClangTidyDiagnosticConsumer DiagConsumer(Context);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
  Tool.setDiagnosticConsumer(&DiagConsumer);

  WorkerFacts Facts(Context, Result);
  tidy::FactsSinkRegistration Registration(Context, Facts);
  std::set<std::string> Dependencies;
  ActionFactory Factory(Context, FS, Dependencies);
  Result.ToolSucceeded = Tool.run(&Factory) == 0;
  Result.Dependencies.assign(Dependencies.begin(), Dependencies.end());

  for (const ClangTidyError &E : DiagConsumer.take())
    Result.Diags.push_back(toRecord(E));
  Result.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return Result;
}

int runWorker(llvm::StringRef JobFile, llvm::StringRef ResultFile) {
  auto Buffer = llvm::MemoryBuffer::getFile(JobFile);
  if (!Buffer) {
    llvm::errs() << "eagerlint: error: " << JobFile
                 << ": cannot read the job: " << Buffer.getError().message()
                 << "\n";
    return 2;
  }
  WorkerJob Job;
  llvm::Expected<llvm::json::Value> V =
      llvm::json::parse((*Buffer)->getBuffer());
  llvm::json::Path::Root Root;
  if (!V || !fromJSON(*V, Job, Root)) {
    if (!V)
      llvm::consumeError(V.takeError());
    llvm::errs() << "eagerlint: error: " << JobFile << ": malformed job\n";
    return 2;
  }
  TUResult Result = analyse(Job);
  std::error_code EC;
  llvm::raw_fd_ostream OS(ResultFile, EC);
  if (EC) {
    llvm::errs() << "eagerlint: error: " << ResultFile << ": " << EC.message()
                 << "\n";
    return 2;
  }
  OS << llvm::json::Value(toJSON(Result));
  OS.close();
  return OS.has_error() ? 2 : 0;
}

} // namespace eagerlint::cli
