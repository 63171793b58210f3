#!/usr/bin/env python3
"""Whole-process timings of the eagerlint CLI on a generated database.

usage: run_bench.py --eagerlint BIN --plugin LIB [--tus 60] [--rounds 3]
                    [--workdir DIR] [--run-clang-tidy RUN] [--clang-tidy BIN]

Generates a project of --tus translation units (gen_project.py), then, in
each round, times in a rotating order:
  cli-j2     eagerlint -j2 --quiet -p DB
  cli-j1     eagerlint -j1 --quiet -p DB
  plugin-j2  run-clang-tidy -j2 -load LIB -checks=-*,eager-* -p DB
             (same header filter as the CLI's default)
and prints the median of each and the ratios the CLI is held to:
  plugin-j2 / cli-j2 >= 1.0  (the CLI is not slower than the plugin route)
  cli-j1 / cli-j2   >= 1.7  (two workers scale)
Exit status 0 when both hold, 1 otherwise. Before each run the script
waits (up to --max-wait seconds) until nothing else is runnable, since on a
shared machine another build halves the cores; CPU seconds and cpu/wall
("parallelism": about 2 when -j2 really had two cores) are printed so a run
that still shared the machine shows it.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def runnable_now():
    """Processes runnable right now, from /proc/loadavg ("2/431")."""
    try:
        with open("/proc/loadavg") as f:
            return int(f.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return 1


def wait_for_quiet(max_wait):
    """Waits until nothing but this script runs (sampled over two seconds),
    at most max_wait seconds. Returns whether the machine was quiet."""
    deadline = time.monotonic() + max_wait
    while True:
        samples = []
        for _ in range(10):
            samples.append(runnable_now() - 1)  # this script
            time.sleep(0.2)
        if max(samples) <= 0:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(3)


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, ok_codes, tool="run_bench"):
    """Wall and CPU seconds of cmd and every process it waited for, and its
    standard error (its report goes elsewhere)."""
    cpu0 = cpu_of_children()
    start = time.monotonic()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.monotonic() - start
    cpu = cpu_of_children() - cpu0
    if proc.returncode not in ok_codes:
        sys.stderr.write("%s: %s exited with %d:\n%s\n"
                         % (tool, " ".join(cmd), proc.returncode,
                            proc.stderr[-2000:]))
        sys.exit(2)
    return elapsed, cpu, proc.stderr


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--eagerlint", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--runtime-include",
                   default=os.path.join(HERE, "..", "..", "runtime", "include"))
    p.add_argument("--tus", type=int, default=60)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--workdir", default=None)
    p.add_argument("--max-wait", type=float, default=300,
                   help="seconds to wait for an idle machine before each run")
    p.add_argument("--run-clang-tidy",
                   default=shutil.which("run-clang-tidy-19")
                   or "/usr/lib/llvm-19/bin/run-clang-tidy")
    p.add_argument("--clang-tidy",
                   default=shutil.which("clang-tidy-19")
                   or "/usr/lib/llvm-19/bin/clang-tidy")
    a = p.parse_args()

    work = os.path.abspath(a.workdir or os.path.join(os.getcwd(), "bench-cli-project"))
    if os.path.exists(work):
        shutil.rmtree(work)
    subprocess.check_call([sys.executable, os.path.join(HERE, "gen_project.py"),
                           work, os.path.abspath(a.runtime_include),
                           "--tus", str(a.tus)])
    db = os.path.join(work, "build")

    runs = {
        "cli-j2": ([a.eagerlint, "-p", db, "-j2", "--quiet"], (0, 1)),
        "cli-j1": ([a.eagerlint, "-p", db, "-j1", "--quiet"], (0, 1)),
        "plugin-j2": ([sys.executable, a.run_clang_tidy, "-clang-tidy-binary",
                       a.clang_tidy, "-load", a.plugin, "-checks=-*,eager-*",
                       "-header-filter=.*", "-p", db, "-j", "2", "-quiet"],
                      (0, 1)),
    }
    names = list(runs)
    times = {n: [] for n in names}
    cpus = {n: [] for n in names}
    print("bench-cli: %d translation units, %d rounds, %d cores"
          % (a.tus, a.rounds, os.cpu_count() or 0))
    for r in range(a.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            cmd, ok = runs[n]
            quiet = wait_for_quiet(a.max_wait)
            t, c, _ = timed(cmd, ok)
            times[n].append(t)
            cpus[n].append(c)
            print("  round %d  %-9s %7.2f s wall %7.2f s cpu  parallelism %.2f%s"
                  % (r + 1, n, t, c, c / t,
                     "" if quiet else "  (started on a busy machine)"),
                  flush=True)

    med = {n: statistics.median(v) for n, v in times.items()}
    cpu = {n: statistics.median(v) for n, v in cpus.items()}
    for n in names:
        print("median %-9s %7.2f s wall %7.2f s cpu" % (n, med[n], cpu[n]))
    print("ratio cpu plugin-j2 / cli-j2 = %.2f  (work per run, insensitive to"
          " other load)" % (cpu["plugin-j2"] / cpu["cli-j2"]))
    vs_plugin = med["plugin-j2"] / med["cli-j2"]
    scaling = med["cli-j1"] / med["cli-j2"]
    print("ratio plugin-j2 / cli-j2 = %.2f  (target >= 1.00: the CLI is not slower)"
          % vs_plugin)
    print("ratio cli-j1 / cli-j2    = %.2f  (target >= 1.70)" % scaling)
    return 0 if vs_plugin >= 1.0 and scaling >= 1.7 else 1


if __name__ == "__main__":
    sys.exit(main())
