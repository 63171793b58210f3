#!/usr/bin/env python3
"""usage: expect_exit.py N COMMAND...: runs COMMAND (its output passes
through) and fails unless it exits with status N."""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.call(sys.argv[2:])
if got != want:
    sys.stderr.write("expect_exit: %s exited with %d, expected %d\n"
                     % (sys.argv[2], got, want))
    sys.exit(1)
