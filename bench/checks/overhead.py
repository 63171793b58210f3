#!/usr/bin/env python3
"""Whole-process overhead of the eager-* checks (docs/design.md §7).

Times `clang-tidy --load=PLUGIN --checks=-*,misc-coroutine-hostile-raii,eager-*`
against `--checks=-*,misc-coroutine-hostile-raii` (clang-tidy refuses to run
with no check) on the same translation unit, alternating the two (ABBA order,
so drift from other load on the machine hits both alike), and prints the
median wall times and their ratio. The plugin is loaded in both runs, so the
ratio measures the checks, not dlopen. With --max-ratio the exit status is 1
when the ratio exceeds it.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ASIO_FLAGS = ["-std=c++20", "-DASIO_HAS_CO_AWAIT=1", "-DASIO_HAS_STD_COROUTINE=1"]


def run_once(cmd):
    """Runs cmd; returns (wall seconds, child user+sys CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit("overhead.py: command failed (%d): %s\n%s" %
                 (proc.returncode, " ".join(cmd), proc.stderr[-2000:]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--source", default=os.path.join(HERE, "asio_service.cpp"))
    parser.add_argument("--runs", type=int, default=7,
                        help="timed runs of each configuration (default 7)")
    parser.add_argument("--profile", default="asio")
    parser.add_argument("--max-ratio", type=float, default=None)
    parser.add_argument("compiler_args", nargs="*",
                        help="compiler flags (default: C++20 + Asio flags)")
    args = parser.parse_args()

    flags = args.compiler_args or ASIO_FLAGS
    common = [args.clang_tidy, "--load=" + args.plugin, "--quiet",
              "-config={CheckOptions: {Profile: %s}}" % args.profile]
    base = common + ["--checks=-*,misc-coroutine-hostile-raii",
                     args.source, "--"] + flags
    eager = common + ["--checks=-*,misc-coroutine-hostile-raii,eager-*",
                      args.source, "--"] + flags

    print("source: %s" % args.source)
    print("baseline: %s" % " ".join(base))
    print("with eager-*: %s" % " ".join(eager))
    # Warm the page cache and ccache-like effects once per configuration.
    run_once(base)
    run_once(eager)

    times = {"base": [], "eager": []}
    for i in range(args.runs):
        order = [("base", base), ("eager", eager)]
        if i % 2:
            order.reverse()
        for name, cmd in order:
            times[name].append(run_once(cmd))
            sys.stdout.write(".")
            sys.stdout.flush()
    print()

    def med(name, idx):
        return statistics.median(t[idx] for t in times[name])

    base_wall, eager_wall = med("base", 0), med("eager", 0)
    base_cpu, eager_cpu = med("base", 1), med("eager", 1)
    ratio = eager_wall / base_wall
    print("median wall: baseline %.3fs, with eager-* %.3fs" % (base_wall, eager_wall))
    print("median cpu:  baseline %.3fs, with eager-* %.3fs (ratio %.3fx)" %
          (base_cpu, eager_cpu, eager_cpu / base_cpu))
    print("overhead ratio (wall, median of %d alternating runs): %.3fx" %
          (args.runs, ratio))
    if args.max_ratio is not None:
        verdict = "within" if ratio <= args.max_ratio else "ABOVE"
        print("%s the %.2fx target" % (verdict, args.max_ratio))
        if ratio > args.max_ratio:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
