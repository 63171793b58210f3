#!/usr/bin/env python3
"""Whole-process timings of eagerlint's CI-at-scale features on a generated
database (docs/ci.md, docs/design.md section 7).

usage: ci_bench.py --eagerlint BIN [--tus 60] [--rounds 2] [--shards 2]
                   [--jobs 2] [--workdir DIR] [--max-wait S]

Generates a project of --tus translation units (gen_project.py: every
service includes bench/common.hpp, every tenth one bench/tuning.hpp), then,
in each round, times side by side:
  plain          eagerlint -jJ, no cache
  cold           the same with --cache on an empty cache directory
  warm           again, nothing changed
  source-touched one service's source edited
  header-touched bench/tuning.hpp edited: only its includers re-analysed
  shard-K        eagerlint --shard K/N, one after the other (on N CI
                 machines they run at once)
  merge          eagerlint merge of the N parts
and prints the medians (wall and CPU seconds, the CPU of the workers
included) and the ratios the cache is held to:
  warm / cold            <= 0.05
  source-touched / cold  <= 0.10
and, for information, header-touched / cold, cold / plain (the cost of
filling the cache), (slowest shard + merge) / plain (the wall time of a
matrix of N machines) and (all shards + merge) / plain (the work), in wall
time and in CPU time, which other load on a shared machine does not
inflate. It
checks the cache's own counts (hits and misses of each run, exactly the
includers of the touched header re-analysed) and that the merged report is
the one run's, byte for byte. Exit status 0 when every check and both
targets hold, 1 otherwise, 2 when a run failed.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run_bench import timed as timed_run, wait_for_quiet  # noqa: E402

STATS = re.compile(r"eagerlint: cache: (\d+) hits?, (\d+) miss")


def cache_counts(stderr):
    m = STATS.search(stderr)
    if not m:
        sys.stderr.write("ci_bench: no cache statistics in:\n%s\n" % stderr)
        sys.exit(2)
    return int(m.group(1)), int(m.group(2))


def append(path, text):
    with open(path, "a") as f:
        f.write(text)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--eagerlint", required=True)
    p.add_argument("--runtime-include",
                   default=os.path.join(HERE, "..", "..", "runtime", "include"))
    p.add_argument("--tus", type=int, default=60)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--shards", type=int, default=2)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--workdir", default=None)
    p.add_argument("--max-wait", type=float, default=60,
                   help="seconds to wait for an idle machine before each run")
    a = p.parse_args()

    work = os.path.abspath(a.workdir or os.path.join(os.getcwd(), "ci-bench"))
    if os.path.exists(work):
        shutil.rmtree(work)
    proj = os.path.join(work, "project")
    subprocess.check_call([sys.executable, os.path.join(HERE, "gen_project.py"),
                           proj, os.path.abspath(a.runtime_include),
                           "--tus", str(a.tus)])
    db = os.path.join(proj, "build")
    cache = os.path.join(work, "cache")
    source = os.path.join(proj, "src", "service_%03d.cpp" % (a.tus // 2))
    header = os.path.join(proj, "include", "bench", "tuning.hpp")
    includers = len(range(0, a.tus, 10))
    originals = {f: open(f).read() for f in (source, header)}

    base = [a.eagerlint, "-p", db, "--source-root", proj, "-j%d" % a.jobs,
            "--progress=none"]
    cached = base + ["--cache", cache, "--cache-stats"]
    whole_json = os.path.join(work, "whole.json")
    merged_json = os.path.join(work, "merged.json")
    parts = [os.path.join(work, "part%d.json" % k)
             for k in range(1, a.shards + 1)]

    names = ["plain", "cold", "warm", "source-touched", "header-touched"] + \
        ["shard-%d" % k for k in range(1, a.shards + 1)] + ["merge"]
    times = {n: [] for n in names}
    cpus = {n: [] for n in names}
    failures = []

    def expect(what, got, want):
        if got != want:
            failures.append("%s: %s, expected %s" % (what, got, want))

    print("ci-bench: %d translation units, %d rounds, -j%d, %d shards, %d cores"
          % (a.tus, a.rounds, a.jobs, a.shards, os.cpu_count() or 0))
    for r in range(a.rounds):
        for f, text in originals.items():
            with open(f, "w") as out:
                out.write(text)
        shutil.rmtree(cache, ignore_errors=True)

        def timed(name, cmd, counts=None):
            quiet = wait_for_quiet(a.max_wait)
            t, c, err = timed_run(cmd, (0, 1), "ci_bench")
            times[name].append(t)
            cpus[name].append(c)
            note = "" if quiet else "  (started on a busy machine)"
            if counts is not None:
                got = cache_counts(err)
                expect("round %d %s hits/misses" % (r + 1, name), got, counts)
                note = "  %d hits, %d misses%s" % (got + (note,))
            print("  round %d  %-15s %7.2f s wall %7.2f s cpu%s"
                  % (r + 1, name, t, c, note), flush=True)

        timed("plain", base + ["--format", "json", "-o", whole_json])
        timed("cold", cached, (0, a.tus))
        timed("warm", cached, (a.tus, 0))
        append(source, "\n// touched by ci_bench\n")
        timed("source-touched", cached, (a.tus - 1, 1))
        append(header, "\n// touched by ci_bench\n")
        timed("header-touched", cached, (a.tus - includers, includers))
        for f, text in originals.items():
            with open(f, "w") as out:
                out.write(text)
        for k, part in enumerate(parts, 1):
            timed("shard-%d" % k,
                  base + ["--shard", "%d/%d" % (k, a.shards), "-o", part])
        timed("merge", [a.eagerlint, "merge", "--source-root", proj,
                        "--progress=none", "--format", "json", "-o",
                        merged_json] + parts)
        with open(whole_json) as w, open(merged_json) as m:
            if w.read() != m.read():
                failures.append("round %d: the merged report differs from "
                                "the one run's" % (r + 1))

    med = {n: statistics.median(v) for n, v in times.items()}
    cpu = {n: statistics.median(v) for n, v in cpus.items()}
    for n in names:
        print("median %-15s %7.2f s wall %7.2f s cpu" % (n, med[n], cpu[n]))
    shard_names = ["shard-%d" % k for k in range(1, a.shards + 1)]
    warm = med["warm"] / med["cold"]
    touched = med["source-touched"] / med["cold"]
    print("ratio warm / cold            = %.3f  (target <= 0.05)" % warm)
    print("ratio source-touched / cold  = %.3f  (target <= 0.10)" % touched)
    print("ratio header-touched / cold  = %.3f  (%d of %d files include the "
          "header)" % (med["header-touched"] / med["cold"], includers, a.tus))
    print("ratio cold / plain           = %.3f  (filling the cache)"
          % (med["cold"] / med["plain"]))
    print("ratio (slowest shard + merge) / plain = %.3f  (%d machines)"
          % ((max(med[n] for n in shard_names) + med["merge"]) / med["plain"],
             a.shards))
    print("ratio (all shards + merge) / plain    = %.3f  (the work)"
          % ((sum(med[n] for n in shard_names) + med["merge"]) / med["plain"]))
    # CPU seconds do not grow with other load on a shared machine.
    print("cpu ratio warm / cold           = %.3f" % (cpu["warm"] / cpu["cold"]))
    print("cpu ratio source-touched / cold = %.3f"
          % (cpu["source-touched"] / cpu["cold"]))
    print("cpu ratio header-touched / cold = %.3f"
          % (cpu["header-touched"] / cpu["cold"]))
    print("cpu ratio cold / plain          = %.3f" % (cpu["cold"] / cpu["plain"]))
    print("cpu ratio (all shards + merge) / plain = %.3f"
          % ((sum(cpu[n] for n in shard_names) + cpu["merge"]) / cpu["plain"]))
    for f in failures:
        print("FAILED: " + f)
    return 0 if not failures and warm <= 0.05 and touched <= 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
