#!/usr/bin/env python3
"""The closed-loop end-to-end suite of eagerlint (docs/design.md §6).

Every program in --programs states what eagerlint must report, in comments
the driver reads:

  foo.cancel();  // EXPECT: eager-cancel-before-start
      the check must report at this line;
  // EXPECT: eager-recursive-spawn @ 42
      the check must report at line 42;
  // EXPECT: none
      a program that looks hazardous but is not: no finding at all;
  // EAGERLINT-OPTIONS: Key=Value [Key=Value...]
      check options the program needs (e.g. EagerTypes=ns::task), passed to
      every eagerlint run on it as --option Key=Value.

For a hazardous program (at least one EXPECT naming a check) the driver
asserts, on a temporary copy with its own compile_commands.json:

  1. flag    eagerlint reports exactly the expected (check, line) pairs;
  2. differ  `eagerlint verify` says lazy and eager start behave differently;
  3. fix     after `eagerlint --fix` the program compiles, `verify` says the
             two policies behave the same, and eagerlint reports nothing.

For a safe program: no finding, and `verify` says same.

Nothing is papered over: a hazard the runtime does not show as a behaviour
difference, or a fix that does not make the policies agree, fails the
program, and the failure says which step and shows the tool's output.

Linting and verifying use the eagerlint CLI (--eagerlint): `eagerlint -p`
and `eagerlint verify`. With --profile NAME the programs run on that
profile's own runtime (Asio): lint with `--profile NAME`, verify with
`verify --profile NAME -p WORK` (the program as written against a build
whose spawns are wrapped to start lazily). With --cross-check-profile NAME
every verify step also runs `verify --profile NAME`, whose verdict must be
the expected one too, so the wrapping and the policy switch agree.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

EXPECT = re.compile(
    r"//\s*EXPECT:\s*(?P<what>none|eager-[a-z-]+)(?:\s*@\s*(?P<line>\d+))?")
# clang-tidy's (and the eagerlint CLI's text) diagnostic line.
DIAG = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:warning|error): "
    r"(?P<msg>.*) \[(?P<checks>[^\]]+)\]$")
TOOL_TIMEOUT = 600
OPTIONS = re.compile(r"//\s*EAGERLINT-OPTIONS:(?P<options>.*)$")
VERIFY_EXIT = re.compile(r"//\s*VERIFY-EXIT:\s*(\d+)")
VERIFY_OUTPUT = re.compile(r"//\s*VERIFY-OUTPUT:\s*(.*\S)")
VERIFY_ARGS = re.compile(r"//\s*VERIFY-ARGS:\s*(.*\S)")


class Program:
    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        self.expected = set()  # (check, line)
        self.safe = False
        self.summary = ""
        self.options = []  # Key=Value strings
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        for number, text in enumerate(lines, start=1):
            if not self.summary and text.startswith("// ") and number <= 3:
                self.summary = text[3:].strip()
            m = OPTIONS.search(text)
            if m:
                for option in m.group("options").split():
                    if "=" not in option or option.startswith("="):
                        raise ValueError(f"{path}:{number}: EAGERLINT-OPTIONS "
                                         f"'{option}' is not Key=Value")
                    self.options.append(option)
            for m in EXPECT.finditer(text):
                if m.group("what") == "none":
                    self.safe = True
                else:
                    line = int(m.group("line") or number)
                    self.expected.add((m.group("what"), line))
        if self.safe and self.expected:
            raise ValueError(f"{path}: 'EXPECT: none' and expected findings")
        if not self.safe and not self.expected:
            raise ValueError(f"{path}: no '// EXPECT:' comment")


class Result:
    def __init__(self, program):
        self.program = program
        self.steps = []  # (name, ok, detail)
        self.flagged = False
        self.fixed = False
        self.verified = False
        self.logs = []  # (title, text) shown when something failed
        self.seconds = 0.0

    @property
    def ok(self):
        return all(ok for _, ok, _ in self.steps)

    def step(self, name, ok, detail=""):
        self.steps.append((name, ok, detail))
        return ok


def run(cmd, cwd=None, env=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True,
                           timeout=TOOL_TIMEOUT)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout or ""
        if isinstance(out, bytes):
            out = out.decode(errors="replace")
        return None, out + f"\n(killed after {TOOL_TIMEOUT} s)"
    except OSError as e:
        return None, f"cannot run {cmd[0]}: {e}"


class Tools:
    def __init__(self, args):
        self.args = args
        self.verify_cmd = [args.eagerlint, "verify"]
        self.profile_args = ["--profile", args.profile] if args.profile else []

    def lint(self, work, source, fix, options=()):
        """(findings as a set of (check, line), exit code, output)."""
        a = self.args
        # The exit code must say "findings or not": a safe program may hold
        # nothing to recognise (`co_await f()` at once), which the CLI tests
        # of the coverage verdict cover.
        cmd = [a.eagerlint, "-p", work, "-j", "1", "--allow-empty"]
        cmd += self.profile_args
        for option in options:
            cmd += ["--option", option]
        if fix:
            cmd.append("--fix")
        cmd.append(source)
        rc, out = run(cmd, cwd=work)
        findings = set()
        base = os.path.basename(source)
        for line in out.splitlines():
            m = DIAG.match(line.strip())
            if not m or os.path.basename(m.group("file")) != base:
                continue
            for check in m.group("checks").split(","):
                if check.startswith("eager-"):
                    findings.add((check, int(m.group("line"))))
        return findings, rc, " ".join(shlex.quote(c) for c in cmd) + "\n" + out

    def verify(self, work, source, profile=None):
        """(exit code, output) of verify on `source`; on a profile's runtime
        with the flags of work's compilation database."""
        cmd = self.verify_cmd + ["--timeout", str(self.args.timeout)]
        profile = profile or self.args.profile
        if profile:
            cmd += ["--profile", profile, "-p", work]
        cmd.append(source)
        rc, out = run(cmd, cwd=work)
        return rc, " ".join(shlex.quote(c) for c in cmd) + "\n" + out


def describe(findings):
    if not findings:
        return "none"
    return ", ".join(f"{c}@{l}" for c, l in sorted(findings, key=lambda x: (x[1], x[0])))


def lint_ok(tools, result, work, source, expected, fix, label):
    findings, rc, out = tools.lint(work, source, fix, result.program.options)
    result.logs.append((label, out))
    if rc not in (0, 1):
        return findings, result.step(label, False,
                                     f"eagerlint exited with {rc}")
    if rc != (1 if findings else 0):
        return findings, result.step(
            label, False, f"exit code {rc} with findings {describe(findings)}")
    if findings != expected:
        missing = expected - findings
        extra = findings - expected
        detail = []
        if missing:
            detail.append("missing " + describe(missing))
        if extra:
            detail.append("unexpected " + describe(extra))
        return findings, result.step(label, False, "; ".join(detail))
    return findings, result.step(label, True, describe(findings))


def verify_ok(tools, result, work, source, want_same, label):
    ok = verify_step(tools, result, work, source, want_same, label, None)
    cross = tools.args.cross_check_profile
    # Wrapping reproduces lazy start for spawn calls; a coroutine type that
    # starts when called (EagerTypes) has no spawn call to wrap, so only the
    # policy switch can prove those programs.
    if cross and "EagerTypes=" not in open(source, encoding="utf-8").read():
        # The wrapping must reproduce the policy switch's verdict.
        ok = verify_step(tools, result, work, source, want_same,
                         f"{label} (--profile {cross})", cross) and ok
    return ok


def verify_step(tools, result, work, source, want_same, label, profile):
    rc, out = tools.verify(work, source, profile)
    result.logs.append((label, out))
    if rc == 2 or rc is None:
        return result.step(label, False, "could not build or run (verify exit "
                           f"{rc})")
    if rc not in (0, 1):
        return result.step(label, False, f"verify exited with {rc}")
    same = rc == 0
    if same != want_same:
        return result.step(
            label, False,
            "lazy and eager behave the same" if same else
            "lazy and eager behave differently")
    return result.step(label, True, "same" if same else "differ")


def check_program(tools, program, root):
    result = Result(program)
    start = time.monotonic()
    work = os.path.join(root, program.name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    source = os.path.join(work, os.path.basename(program.path))
    shutil.copyfile(program.path, source)
    a = tools.args
    include = ["-I" + a.runtime_include] if a.runtime_include else []
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{
            "directory": work,
            "file": source,
            "arguments": [a.cxx, "-std=c++20"] + include + a.flag +
                         ["-c", source, "-o",
                          os.path.join(work, program.name + ".o")],
        }], f, indent=2)

    if program.safe:
        _, ok = lint_ok(tools, result, work, source, set(), False, "no finding")
        result.flagged = False
        result.verified = verify_ok(tools, result, work, source, True, "same")
    else:
        _, result.flagged = lint_ok(tools, result, work, source,
                                    program.expected, False, "flag")
        result.verified = verify_ok(tools, result, work, source, False,
                                    "differ")
        with open(source, encoding="utf-8") as f:
            before = f.read()
        _, rc, out = tools.lint(work, source, True, program.options)
        result.logs.append(("--fix", out))
        with open(source, encoding="utf-8") as f:
            after = f.read()
        changed = result.step("fix", after != before,
                              "" if after != before else "--fix changed nothing")
        if changed:
            result.logs.append(("fixed program", numbered_diff(before, after)))
        same = verify_ok(tools, result, work, source, True, "fixed: same")
        _, clean = lint_ok(tools, result, work, source, set(), False,
                           "fixed: no finding")
        result.fixed = changed and same and clean
    result.seconds = time.monotonic() - start
    return result


def verify_self_test(tools, path, root):
    """Runs verify on one of its own test inputs (a hang, a build error, a
    crash...) with a 1 s limit; (ok, log)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    want_exit = VERIFY_EXIT.search(text)
    wants = VERIFY_OUTPUT.findall(text)
    if not want_exit:
        return False, f"{path}: no '// VERIFY-EXIT:' comment"
    extra = VERIFY_ARGS.search(text)
    # Run where the input is, so messages name it as the expectations do.
    cmd = tools.verify_cmd + ["--timeout", "1"]
    cmd += shlex.split(extra.group(1)) if extra else tools.profile_args
    cmd.append(os.path.basename(path))
    if tools.args.flag:
        cmd += ["--"] + tools.args.flag
    rc, out = run(cmd, cwd=os.path.dirname(os.path.abspath(path)))
    problems = []
    if rc != int(want_exit.group(1)):
        problems.append(f"exit {rc}, expected {want_exit.group(1)}")
    for w in wants:
        if w not in out:
            problems.append(f"output lacks '{w}'")
    log = " ".join(shlex.quote(c) for c in cmd) + "\n" + out
    return not problems, "; ".join(problems) + ("\n" if problems else "") + log


def numbered_diff(before, after):
    import difflib
    return "".join(difflib.unified_diff(
        before.splitlines(True), after.splitlines(True), "original", "fixed",
        n=1))


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--programs", required=True, help="folder of *.cpp programs")
    p.add_argument("--verify-inputs",
                   help="folder of verify's own test inputs (VERIFY-EXIT)")
    p.add_argument("--work", required=True, help="scratch folder (emptied)")
    p.add_argument("--runtime-include",
                   help="folder holding eagerlint/runtime.hpp (for the lint step)")
    p.add_argument("--profile",
                   help="run on this profile's own runtime: lint and verify "
                        "with --profile NAME")
    p.add_argument("--flag", action="append", default=[],
                   help="a compiler flag for every program (repeat; write "
                        "--flag=-DX=1)")
    p.add_argument("--cross-check-profile",
                   help="also verify with --profile NAME and require the "
                        "policy switch's verdict")
    p.add_argument("--cxx", default="clang++-19",
                   help="compiler named in the generated compile_commands.json")
    p.add_argument("--eagerlint", required=True, help="the eagerlint CLI")
    p.add_argument("--timeout", type=int, default=10,
                   help="verify's time limit per run, seconds")
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--filter", help="only programs whose name matches")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="show every step's output, not only failures")
    args = p.parse_args()
    # The tools run in other folders.
    if os.sep in args.eagerlint:
        args.eagerlint = os.path.abspath(args.eagerlint)
    if args.runtime_include:
        args.runtime_include = os.path.abspath(args.runtime_include)

    paths = sorted(os.path.join(args.programs, n)
                   for n in os.listdir(args.programs) if n.endswith(".cpp"))
    if args.filter:
        paths = [x for x in paths if re.search(args.filter, os.path.basename(x))]
    try:
        programs = [Program(x) for x in paths]
    except ValueError as e:
        print(f"e2e: error: {e}", file=sys.stderr)
        return 2
    inputs = []
    if args.verify_inputs:
        inputs = sorted(os.path.join(args.verify_inputs, n)
                        for n in os.listdir(args.verify_inputs)
                        if n.endswith(".cpp"))
        if args.filter:
            inputs = [x for x in inputs
                      if re.search(args.filter, os.path.basename(x))]
    if not programs and not inputs:
        print("e2e: error: no programs", file=sys.stderr)
        return 2

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    tools = Tools(args)
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(check_program, tools, prog, args.work)
                   for prog in programs]
        results = []
        for fut in futures:
            r = fut.result()
            results.append(r)
            kind = "safe  " if r.program.safe else "hazard"
            steps = "; ".join(
                f"{name}: {'ok' if ok else 'FAILED'}" + (f" ({detail})" if detail else "")
                for name, ok, detail in r.steps)
            print(f"{'PASS' if r.ok else 'FAIL'} {kind} {r.program.name} "
                  f"[{r.seconds:.1f}s] {steps}", flush=True)
            if not r.ok or args.verbose:
                for title, text in r.logs:
                    print(f"  ---- {title} ----")
                    for line in text.rstrip().splitlines():
                        print("  | " + line)
                print(flush=True)

    failed = [r.program.name for r in results if not r.ok]
    if inputs:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            checks = list(pool.map(
                lambda x: verify_self_test(tools, x, args.work), inputs))
        for path, (ok, log) in zip(inputs, checks):
            name = os.path.basename(path)
            print(f"{'PASS' if ok else 'FAIL'} verify {name}")
            if not ok or args.verbose:
                for line in log.rstrip().splitlines():
                    print("  | " + line)
            if not ok:
                failed.append("verify/" + name)
        print(f"e2e: verify on its own inputs: "
              f"{sum(ok for ok, _ in checks)} of {len(checks)} as expected")
    hazards = [r for r in results if not r.program.safe]
    print(f"e2e: {len(results)} programs ({len(hazards)} hazardous, "
          f"{len(results) - len(hazards)} safe) in "
          f"{time.monotonic() - start:.0f}s")
    if failed:
        print("e2e: FAILED: " + ", ".join(failed))
    print(f"e2e: {len(results)} programs, "
          f"{sum(r.flagged for r in hazards)} flagged, "
          f"{sum(r.fixed for r in hazards)} fixed, "
          f"{sum(r.verified for r in results)} verified")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
