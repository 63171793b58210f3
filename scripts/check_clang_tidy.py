#!/usr/bin/env python3
"""Runs clang-tidy with the eagerlint plugin on a lit test and checks it.

In the spirit of LLVM's clang-tidy/check_clang_tidy.py (which is not shipped
with the Debian packages):

  check_clang_tidy.py [options] INPUT CHECKS TEMP [-- TIDY_ARGS [-- CC_ARGS]]

1. copies INPUT to TEMP.cpp with the `// CHECK-...:` lines blanked (so line
   numbers stay and FileCheck never matches its own directives),
2. runs clang-tidy with the plugin, `--checks=-*,CHECKS` and `-fix`,
3. checks the diagnostics against CHECK-MESSAGES (warnings and errors) or
   CHECK-NOTES (notes too) and the fixed file against CHECK-FIXES; a test
   with neither MESSAGES nor NOTES must produce no warning at all,
4. runs clang-tidy -fix again on the fixed file and requires it unchanged
   (applying all fixes twice changes nothing the second time),
5. compiles the fixed file with clang++ -fsyntax-only -std=c++20 CC_ARGS.

`-check-suffix=A` (or `-check-suffixes=A,B`) uses CHECK-MESSAGES-A and so on.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys

FIXIT_NOTE = re.compile(r"^.*note: FIX-IT applied suggested code changes\n",
                        re.MULTILINE)
DIRECTIVE = re.compile(r"//\s*CHECK-[A-Z0-9\-]*:[^\r\n]*")


def fail(message, output=None):
    sys.stderr.write("check_clang_tidy.py: error: " + message + "\n")
    if output:
        sys.stderr.write("------ output ------\n" + output +
                         "\n------ end of output ------\n")
    sys.exit(1)


def run(cmd, timeout, **kwargs):
    sys.stdout.write("Running: " + " ".join(shlex.quote(c) for c in cmd) +
                     "\n")
    sys.stdout.flush()
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True,
                              timeout=timeout, **kwargs)
    except subprocess.TimeoutExpired:
        fail("timed out after %ss: %s" % (timeout, " ".join(cmd)))


def split_args(argv):
    """Splits at the first two `--`: runner args, clang-tidy args, cc args."""
    parts = [[]]
    for arg in argv:
        if arg == "--" and len(parts) < 3:
            parts.append([])
        else:
            parts[-1].append(arg)
    while len(parts) < 3:
        parts.append([])
    return parts


def main():
    own, tidy_extra, cc_args = split_args(sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("temp")
    parser.add_argument("-check-suffix", "-check-suffixes", dest="suffixes",
                        default="")
    parser.add_argument("-config", default=None,
                        help="extra -config passed to clang-tidy")
    parser.add_argument("-std", default="c++20")
    parser.add_argument("-fix-errors", action="store_true",
                        help="apply fixes despite compiler errors")
    parser.add_argument("-no-compile", action="store_true",
                        help="do not compile the fixed file")
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--filecheck", default="FileCheck")
    parser.add_argument("--clang", default="clang++-19")
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args(own)

    with open(args.input, encoding="utf-8") as f:
        original = f.read()

    suffixes = [s for s in args.suffixes.split(",") if s]
    if not suffixes:
        suffixes = [""]
    prefixes = {"MESSAGES": [], "NOTES": [], "FIXES": []}
    for suffix in suffixes:
        if suffix and not re.fullmatch(r"[A-Z0-9\-]+", suffix):
            fail("invalid check suffix '%s'" % suffix)
        for kind in prefixes:
            prefix = "CHECK-" + kind + ("-" + suffix if suffix else "")
            if re.search(r"\b" + re.escape(prefix) + r"(-NOT|-NEXT|-SAME|-DAG)?:",
                         original):
                prefixes[kind].append(prefix)
    if prefixes["MESSAGES"] and prefixes["NOTES"]:
        fail("use either CHECK-MESSAGES or CHECK-NOTES, not both")

    temp = args.temp if args.temp.endswith(".cpp") else args.temp + ".cpp"
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    with open(temp, "w", encoding="utf-8") as f:
        f.write(DIRECTIVE.sub("//", original))

    compiler_args = ["-std=" + args.std] + cc_args
    tidy = [args.clang_tidy, "--load=" + args.plugin,
            "--checks=-*," + args.checks, "-fix"]
    if args.fix_errors:
        tidy.append("-fix-errors")
    # An explicit configuration, so no .clang-tidy above the build tree leaks
    # into the test.
    if args.config is not None:
        tidy.append("-config=" + args.config)
    elif not any(re.match(r"--?config(-file)?=", a) for a in tidy_extra):
        tidy.append("-config={}")
    tidy += tidy_extra

    result = run(tidy + [temp, "--"] + compiler_args, args.timeout)
    output = result.stdout
    if result.returncode != 0:
        fail("clang-tidy exited with %d" % result.returncode, output)
    sys.stdout.write("------ clang-tidy output ------\n" + output +
                     "\n------------------------------\n")
    output = FIXIT_NOTE.sub("", output)

    def filecheck(input_text, input_name, check_prefixes, extra):
        path = temp + "." + input_name
        with open(path, "w", encoding="utf-8") as f:
            f.write(input_text)
        cmd = [args.filecheck, "-input-file=" + path, args.input,
               "-check-prefixes=" + ",".join(check_prefixes)] + extra
        checked = run(cmd, args.timeout)
        if checked.returncode != 0:
            fail("FileCheck failed on %s" % input_name, checked.stdout)

    with open(temp, encoding="utf-8") as f:
        fixed = f.read()
    if prefixes["FIXES"]:
        filecheck(fixed, "fixed", prefixes["FIXES"], ["-strict-whitespace"])
    if prefixes["MESSAGES"]:
        filecheck(output, "msg", prefixes["MESSAGES"],
                  ["-implicit-check-not={{warning|error}}:"])
    elif prefixes["NOTES"]:
        filecheck(output, "notes", prefixes["NOTES"],
                  ["-implicit-check-not={{note|warning|error}}:"])
    elif re.search(r"\b(warning|error):", output):
        fail("unexpected diagnostics in a test without CHECK-MESSAGES or "
             "CHECK-NOTES", output)

    # Idempotence: every fix-it applied, the analysis has nothing more to fix.
    again = run(tidy + [temp, "--"] + compiler_args, args.timeout)
    if again.returncode != 0:
        fail("second clang-tidy run exited with %d" % again.returncode,
             again.stdout)
    with open(temp, encoding="utf-8") as f:
        refixed = f.read()
    if refixed != fixed:
        import difflib
        diff = "".join(difflib.unified_diff(fixed.splitlines(True),
                                            refixed.splitlines(True),
                                            "fixed once", "fixed twice"))
        fail("applying the fixes a second time changed the file", diff)

    if not args.no_compile:
        compiled = run([args.clang, "-fsyntax-only"] + compiler_args + [temp],
                       args.timeout)
        if compiled.returncode != 0:
            fail("the fixed file does not compile", compiled.stdout)


if __name__ == "__main__":
    main()
