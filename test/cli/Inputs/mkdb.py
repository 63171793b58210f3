#!/usr/bin/env python3
"""Writes DIR/build/compile_commands.json for every .cpp under DIR.

usage: mkdb.py DIR RUNTIME_INCLUDE [--cxx CXX] [--exclude NAME]... [--arg A]...
Each file compiles with -std=c++20, -I DIR/include and -I RUNTIME_INCLUDE;
the commands run in DIR/build, with absolute file paths.
"""
import argparse
import json
import os

p = argparse.ArgumentParser()
p.add_argument("dir")
p.add_argument("runtime_include")
p.add_argument("--cxx", default="clang++-19")
p.add_argument("--exclude", action="append", default=[])
p.add_argument("--arg", action="append", default=[])
a = p.parse_args()

root = os.path.abspath(a.dir)
build = os.path.join(root, "build")
os.makedirs(build, exist_ok=True)
entries = []
for d, dirs, files in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x != "build")
    for f in sorted(files):
        if not f.endswith(".cpp") or f in a.exclude:
            continue
        path = os.path.join(d, f)
        entries.append({
            "directory": build,
            "file": path,
            "arguments": [a.cxx, "-std=c++20", "-I", os.path.join(root, "include"),
                          "-I", a.runtime_include] + a.arg +
                         ["-c", path, "-o", os.path.basename(path) + ".o"],
        })
with open(os.path.join(build, "compile_commands.json"), "w") as out:
    json.dump(entries, out, indent=1)
