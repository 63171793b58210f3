#!/usr/bin/env python3
"""Per-file CPU of the eagerlint CLI against the plugin under clang-tidy.

Runs, interleaved, one translation unit through the CLI's worker process
(`eagerlint --worker JOB RESULT`, what `eagerlint -p` starts once per file)
and through `clang-tidy --load=PLUGIN --checks=-*,eager-*`, and prints the
median user+sys CPU seconds of each and their ratio. Several CLI builds can be
compared in one run (`--eagerlint before=PATH --eagerlint after=PATH`).

  per_file_cpu.py --plugin build/lib/libeagerlint-tidy.so \
      --eagerlint build/bin/eagerlint [--source FILE] [--runs N]
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.join(HERE, "..", "checks", "asio_service.cpp")
ASIO_FLAGS = ["-std=c++20", "-DASIO_HAS_CO_AWAIT=1", "-DASIO_HAS_STD_COROUTINE=1"]


def cpu_of(cmd):
    """Runs cmd; returns its user+sys CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit("per_file_cpu.py: command failed (%d): %s\n%s" %
                 (proc.returncode, " ".join(cmd), proc.stderr[-2000:]))
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clang-tidy", default="clang-tidy-19")
    p.add_argument("--plugin", required=True)
    p.add_argument("--eagerlint", action="append", required=True,
                   help="PATH or LABEL=PATH of an eagerlint executable")
    p.add_argument("--source", default=DEFAULT_SOURCE)
    p.add_argument("--profile", default="asio")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("compiler_args", nargs="*")
    a = p.parse_args()

    source = os.path.abspath(a.source)
    flags = a.compiler_args or ASIO_FLAGS
    work = tempfile.mkdtemp(prefix="eagerlint-cpu-")
    job = {"file": source,
           "commands": [{"directory": os.getcwd(), "file": source, "output": "",
                         "arguments": ["clang++"] + flags + ["-c", source]}],
           "checkOptions": {"Profile": a.profile},
           "extraArgs": [], "extraArgsBefore": []}
    job_file = os.path.join(work, "job.json")
    with open(job_file, "w") as f:
        json.dump(job, f)

    configs = [("plugin", [a.clang_tidy, "--load=" + a.plugin, "--quiet",
                           "--checks=-*,eager-*",
                           "-config={CheckOptions: {Profile: %s}}" % a.profile,
                           source, "--"] + flags)]
    for spec in a.eagerlint:
        label, _, path = spec.rpartition("=")
        configs.append(("cli " + (label or path),
                        [path, "--worker", job_file,
                         os.path.join(work, "result.json")]))

    samples = {name: [] for name, _ in configs}
    for _ in range(a.runs):
        for name, cmd in configs:
            samples[name].append(cpu_of(cmd))
    plugin = statistics.median(samples["plugin"])
    print("source: %s (%d runs each, interleaved; user+sys CPU seconds)" %
          (a.source, a.runs))
    for name, _ in configs:
        med = statistics.median(samples[name])
        print("  %-20s median %6.2f s  min %6.2f s  ratio to plugin %.2fx" %
              (name, med, min(samples[name]), med / plugin))


if __name__ == "__main__":
    main()
