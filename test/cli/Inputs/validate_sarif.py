#!/usr/bin/env python3
"""usage: validate_sarif.py SCHEMA LOG.sarif

Validates LOG against SCHEMA (draft 7) and, when the environment variable
EAGERLINT_SARIF_SCHEMA names a copy of the official OASIS
sarif-schema-2.1.0.json, against that one too. Then checks what a schema
cannot: every ruleIndex points at its ruleId, relatedLocations ids are
1..n, results come in (file, line, column, rule) order. Prints "valid" or
the first problem, and exits non-zero on a problem.
"""
import json
import os
import sys

import jsonschema


def fail(msg):
    print("invalid: " + msg)
    sys.exit(1)


schema_path, log_path = sys.argv[1], sys.argv[2]
with open(schema_path) as f:
    schema = json.load(f)
with open(log_path) as f:
    log = json.load(f)

checker = jsonschema.FormatChecker()
for s in [schema] + ([json.load(open(os.environ["EAGERLINT_SARIF_SCHEMA"]))]
                     if os.environ.get("EAGERLINT_SARIF_SCHEMA") else []):
    cls = jsonschema.validators.validator_for(s)
    errors = sorted(cls(s, format_checker=checker).iter_errors(log),
                    key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        fail("/".join(str(p) for p in e.absolute_path) + ": " + e.message)

run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
if len(set(ids)) != len(ids):
    fail("duplicate rule ids")
keys = []
for n, r in enumerate(run["results"]):
    if ids[r["ruleIndex"]] != r["ruleId"]:
        fail("result %d: ruleIndex %d is %s, not %s"
             % (n, r["ruleIndex"], ids[r["ruleIndex"]], r["ruleId"]))
    rel = r.get("relatedLocations", [])
    if [x["id"] for x in rel] != list(range(1, len(rel) + 1)):
        fail("result %d: relatedLocations ids are not 1..%d" % (n, len(rel)))
    loc = r["locations"][0]["physicalLocation"]
    keys.append((loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                 loc["region"]["startColumn"], r["ruleId"]))
if keys != sorted(keys):
    fail("results are not in (file, line, column, rule) order")
print("valid")
