//===- Runner.cpp - Worker processes, in parallel, with progress ----------===//
#include "Runner.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace eagerlint::cli {

unsigned countFindings(const TUResult &R) {
  return llvm::count_if(R.Diags, [](const DiagRecord &D) {
    return llvm::StringRef(D.Check).starts_with("eager-");
  });
}

namespace {

class Progress {
public:
  Progress(const RunnerOptions &Opts, size_t Total) : Opts(Opts), Total(Total) {
    if (Opts.Progress == RunnerOptions::Bar)
      draw("");
  }

  void finished(const std::string &File, const JobOutcome &O) {
    std::lock_guard<std::mutex> Lock(M);
    ++Done;
    unsigned N = O.HasResult ? countFindings(O.Result) : 0;
    std::string Name = Opts.Display ? Opts.Display(File) : File;
    if (Opts.Progress == RunnerOptions::Lines) {
      llvm::errs() << "[" << Done << "/" << Total << "] " << Name;
      if (!O.HasResult)
        llvm::errs() << ": failed";
      else if (N)
        llvm::errs() << ": " << N << (N == 1 ? " finding" : " findings");
      llvm::errs() << "\n";
    } else if (Opts.Progress == RunnerOptions::Bar) {
      draw(Name);
    }
  }

  void close() {
    if (Opts.Progress == RunnerOptions::Bar)
      llvm::errs() << "\r\x1b[K";
    llvm::errs().flush();
  }

private:
  void draw(llvm::StringRef Name) {
    unsigned Columns = llvm::sys::Process::StandardErrColumns();
    if (Columns == 0)
      Columns = 80;
    const unsigned BarWidth = 24;
    unsigned Filled = Total ? BarWidth * Done / Total : BarWidth;
    // No finding count here: a header's finding comes from every file that
    // includes it until the project-wide pass counts it once.
    std::string Line =
        "[" + std::string(Filled, '#') + std::string(BarWidth - Filled, '.') +
        "] " + std::to_string(Done) + "/" + std::to_string(Total) + " files";
    if (!Name.empty())
      Line += "  " + Name.str();
    if (Line.size() >= Columns)
      Line.resize(Columns - 1);
    llvm::errs() << "\r\x1b[K" << Line;
    llvm::errs().flush();
  }

  const RunnerOptions &Opts;
  size_t Total;
  size_t Done = 0;
  std::mutex M;
};

/// What a worker that left no result printed, in one line: LLVM's fatal
/// error, or where a crash happened (the last entry of clang's pretty stack
/// trace, e.g. "f.cpp:2:2: current parser token 'pragma'").
std::string crashDetail(llvm::StringRef Path) {
  auto B = llvm::MemoryBuffer::getFile(Path);
  if (!B)
    return {};
  llvm::SmallVector<llvm::StringRef> Lines;
  (*B)->getBuffer().split(Lines, '\n', -1, false);
  std::string Context, First;
  for (llvm::StringRef L : Lines) {
    L = L.trim();
    if (L.empty() || L.starts_with("PLEASE submit") ||
        L.starts_with("Stack dump") || L.starts_with("#"))
      continue;
    auto [Num, Rest] = L.split('.');
    unsigned N;
    if (!Num.getAsInteger(10, N) && Rest.starts_with("\t")) {
      Rest = Rest.trim();
      if (!Rest.starts_with("Program arguments"))
        Context = Rest.str();
      continue;
    }
    if (First.empty())
      First = L.str();
  }
  return !Context.empty() ? "at " + Context : First;
}

JobOutcome runOne(const WorkerJob &Job, const RunnerOptions &Opts,
                  llvm::StringRef Dir, size_t Index) {
  JobOutcome O;
  O.Result.File = Job.File;
  auto Name = [&](llvm::StringRef Ext) {
    llvm::SmallString<128> P(Dir);
    llvm::sys::path::append(P, std::to_string(Index) + Ext);
    return std::string(P);
  };
  std::string JobPath = Name(".job.json"), ResultPath = Name(".result.json"),
              ErrPath = Name(".err");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(JobPath, EC);
    if (EC) {
      O.Failure = "cannot write a worker job: " + EC.message();
      return O;
    }
    OS << llvm::json::Value(toJSON(Job));
  }
  llvm::StringRef Args[] = {Opts.Executable, "--worker", JobPath, ResultPath};
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(ErrPath), llvm::StringRef(ErrPath)};
  std::string ErrMsg;
  bool ExecFailed = false;
  int RC = llvm::sys::ExecuteAndWait(Opts.Executable, Args, std::nullopt,
                                     Redirects, 0, 0, &ErrMsg, &ExecFailed);
  if (ExecFailed) {
    O.Failure = "cannot start a worker: " + ErrMsg;
    return O;
  }
  if (RC == 0) {
    auto B = llvm::MemoryBuffer::getFile(ResultPath);
    if (B) {
      llvm::Expected<llvm::json::Value> V =
          llvm::json::parse((*B)->getBuffer());
      llvm::json::Path::Root Root;
      if (V && fromJSON(*V, O.Result, Root)) {
        O.HasResult = true;
        return O;
      }
      if (!V)
        llvm::consumeError(V.takeError());
    }
  }
  std::string Detail = crashDetail(ErrPath);
  if (RC == -2)
    O.Failure = "the analysis crashed (" + ErrMsg + ")";
  else
    O.Failure = "the analysis stopped with exit code " + std::to_string(RC);
  if (!Detail.empty())
    O.Failure += (Detail.rfind("at ", 0) == 0 ? " " : ": ") + Detail;
  return O;
}

} // namespace

std::vector<JobOutcome> runWorkers(const std::vector<WorkerJob> &Jobs,
                                   const RunnerOptions &Opts) {
  std::vector<JobOutcome> Out(Jobs.size());
  if (Jobs.empty())
    return Out;

  llvm::SmallString<128> Dir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("eagerlint", Dir)) {
    for (JobOutcome &O : Out)
      O.Failure = "cannot create a temporary directory: " + EC.message();
    return Out;
  }

  // Largest files first: the long translation units start early, so the
  // last worker does not run alone at the end.
  std::vector<size_t> Order(Jobs.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::vector<uint64_t> Sizes(Jobs.size(), 0);
  for (size_t I = 0; I < Jobs.size(); ++I)
    (void)llvm::sys::fs::file_size(Jobs[I].File, Sizes[I]);
  llvm::sort(Order, [&](size_t L, size_t R) {
    return Sizes[L] != Sizes[R] ? Sizes[L] > Sizes[R] : L < R;
  });

  Progress P(Opts, Jobs.size());
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (size_t N; (N = Next.fetch_add(1)) < Order.size();) {
      size_t I = Order[N];
      Out[I] = runOne(Jobs[I], Opts, Dir, I);
      P.finished(Jobs[I].File, Out[I]);
    }
  };
  unsigned Threads = std::max(
      1u, std::min<unsigned>(Opts.Jobs, static_cast<unsigned>(Jobs.size())));
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Work);
  Work();
  for (std::thread &T : Pool)
    T.join();
  P.close();
  (void)llvm::sys::fs::remove_directories(Dir);
  return Out;
}

} // namespace eagerlint::cli
