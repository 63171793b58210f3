//===- Rules.cpp - What each eager-* check is about -----------------------===//
#include "Rules.h"
#include "llvm/ADT/STLExtras.h"

namespace eagerlint::cli {

static const Rule Rules[] = {
    {"eager-cancel-before-start", "CancelBeforeStart",
     "A spawned task is cancelled before it first suspends.",
     "Under lazy start a task cancelled right after it is spawned never runs, "
     "so none of its code, its catch blocks or its cleanup run. Under eager "
     "start it has already run up to its first suspension point and is "
     "cancelled there.",
     "Inserts the yield statement right after the spawn statement."},
    {"eager-state-after-spawn", "StateAfterSpawn",
     "State is written (or read) right after a spawn that the spawned "
     "coroutine's first segment reads (or writes).",
     "Under lazy start the spawned coroutine starts after the spawner's next "
     "suspension and sees the spawner's writes. Under eager start its prefix "
     "runs first, so it reads the old value, or the spawner reads the value "
     "the prefix wrote.",
     "Inserts the yield statement after the spawn statement."},
    {"eager-done-after-spawn", "DoneAfterSpawn",
     "A spawned task's state is queried right after spawning it.",
     "Under lazy start done(), cancelled() and result() right after the spawn "
     "always see a task that has not started. Under eager start the task may "
     "already have run, or finished.",
     "Inserts the yield statement after the spawn statement."},
    {"eager-timeout-in-prefix", "TimeoutInPrefix",
     "A timeout or cancel scope is entered before a spawned coroutine first "
     "suspends.",
     "Under lazy start a timeout entered in the coroutine's first segment "
     "binds to the spawned task. Under eager start that segment runs in the "
     "spawner's task, so the timeout binds to, and cancels, the spawner.",
     "Inserts the yield statement as the first statement of the coroutine."},
    {"eager-current-task-in-prefix", "CurrentTaskInPrefix",
     "The running task is observed before a spawned coroutine first suspends.",
     "Under lazy start current_task() in the coroutine's first segment is the "
     "spawned task. Under eager start that segment runs in the spawner's task "
     "and sees the spawner.",
     "Inserts the yield statement as the first statement of the coroutine."},
    {"eager-recursive-spawn", "RecursiveSpawn",
     "A coroutine spawns itself, directly or through a cycle, before it first "
     "suspends.",
     "Under lazy start each spawn is queued and the stack stays flat. Under "
     "eager start every spawn runs at once on the spawner's stack: the chain "
     "recurses without bound.",
     "Inserts the yield statement as the first statement of the coroutine."},
};

llvm::ArrayRef<Rule> rules() { return Rules; }

const Rule *findRule(llvm::StringRef Id) {
  for (const Rule &R : Rules)
    if (R.Id == Id)
      return &R;
  return nullptr;
}

} // namespace eagerlint::cli
