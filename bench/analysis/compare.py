#!/usr/bin/env python3
"""Runs bench_analysis once and prints analysis time over parse time."""
import json
import subprocess
import sys

out = subprocess.run([sys.argv[1], "--benchmark_format=json"], check=True,
                     capture_output=True, text=True).stdout
runs = {b["name"]: b for b in json.loads(out)["benchmarks"]}
parse = runs["BM_Parse/iterations:3"]["real_time"]
analyze = runs["BM_Analyze/min_time:1.000"]["real_time"]
print(f"parse   {parse:9.1f} ms (Asio + 300 coroutines)")
print(f"analyze {analyze:9.1f} ms (all six checks, "
      f"{int(runs['BM_Analyze/min_time:1.000']['spawn_sites'])} spawn sites, "
      f"{int(runs['BM_Analyze/min_time:1.000']['findings'])} findings)")
print(f"analysis / parse = {analyze / parse:.3f}")
for name, b in runs.items():
    if name.startswith("BM_FunctionSize/") and b.get("run_type") == "iteration":
        n = int(name.split("/")[1])
        print(f"function of {n:6d} statements: {b['real_time']:9.1f} us, "
              f"{1000 * b['real_time'] / n:6.1f} ns/statement")
    if name == "BM_FunctionSize_BigO":
        print(f"complexity fit: {b['big_o']}")
