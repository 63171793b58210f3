#!/usr/bin/env python3
"""Runs bench_runtime once (JSON) and prints, from that single run, the
eager/lazy speedup and the reference-lazy/asio ratio of every variant.

usage: compare.py [path/to/bench_runtime] [extra benchmark flags...]
"""
import json
import subprocess
import sys


def main() -> int:
    exe = sys.argv[1] if len(sys.argv) > 1 else "./bench_runtime"
    extra = sys.argv[2:]
    out = subprocess.run([exe, "--benchmark_format=json", *extra],
                         check=True, capture_output=True, text=True).stdout
    times = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue
        # "async_tree/none/lazy", "async_tree_asio/none/asio", "spawn/sync/asio"
        _, variant, flavour = b["name"].split("/")[:3]
        times[(variant, flavour)] = b["real_time"] * {
            "ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]

    variants = sorted({v for v, _ in times},
                      key=lambda v: ["sync", "yield", "none", "memoization",
                                     "io"].index(v) if v in
                      ["sync", "yield", "none", "memoization", "io"] else 99)

    def fmt(x):
        return f"{x * 1e3:10.3f}" if x is not None else f"{'-':>10}"

    def ratio(a, b):
        return f"{a / b:8.2f}x" if a and b else f"{'-':>9}"

    print(f"{'variant':<12} {'lazy ms':>10} {'eager ms':>10} {'asio ms':>10}"
          f" {'eager/lazy speedup':>19} {'lazy/asio time':>15}")
    for v in variants:
        lazy, eager, asio = (times.get((v, f)) for f in ("lazy", "eager", "asio"))
        print(f"{v:<12} {fmt(lazy)} {fmt(eager)} {fmt(asio)} "
              f"{ratio(lazy, eager):>19} {ratio(lazy, asio):>15}")
    print("(speedup = lazy time / eager time; lazy/asio < 1 means the "
          "reference runtime's lazy start is cheaper than Asio's co_spawn; "
          "spawn rows are per 1000 tasks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
