#!/usr/bin/env python3
"""Helpers of the CI-at-scale tests (cache.test, shards.test).

usage:
  ci_tool.py spoil-cache DIR      truncates one entry, overwrites one with
                                  garbage, one with JSON of another format
  ci_tool.py race N CMD...        runs CMD twice at once; fails unless both
                                  exit with status N
  ci_tool.py set FILE KEY... VAL  sets a field of a JSON file (VAL is JSON)
"""
import glob
import json
import os
import subprocess
import sys


def spoil_cache(d):
    entries = sorted(glob.glob(os.path.join(d, "*", "*.json")))
    if len(entries) < 3:
        sys.exit("spoil-cache: fewer than 3 entries in %s" % d)
    with open(entries[0], "rb") as f:
        data = f.read()
    with open(entries[0], "wb") as f:
        f.write(data[: len(data) // 2])
    with open(entries[1], "wb") as f:
        f.write(b"\x00garbage\xff")
    with open(entries[2], "w") as f:
        json.dump({"format": "something-else", "version": 1}, f)


def race(code, cmd):
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL) for _ in range(2)]
    codes = [p.wait() for p in procs]
    if codes != [code, code]:
        sys.exit("race: exit codes %s, expected %d twice" % (codes, code))


def set_field(path, keys, value):
    with open(path) as f:
        doc = json.load(f)
    node = doc
    for k in keys[:-1]:
        node = node[k]
    node[keys[-1]] = json.loads(value)
    with open(path, "w") as f:
        json.dump(doc, f)


def main():
    cmd = sys.argv[1]
    if cmd == "spoil-cache":
        spoil_cache(sys.argv[2])
    elif cmd == "race":
        race(int(sys.argv[2]), sys.argv[3:])
    elif cmd == "set":
        set_field(sys.argv[2], sys.argv[3:-1], sys.argv[-1])
    else:
        sys.exit("ci_tool: unknown command " + cmd)


if __name__ == "__main__":
    main()
