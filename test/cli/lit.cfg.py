# lit configuration of the eagerlint CLI tests (see lit.site.cfg.py.in).
#
# Each test copies an input project from Inputs/ to %t, writes its
# compilation database with %mkdb and runs %eagerlint on it several ways.
import os
import shlex

import lit.formats

config.name = "eagerlint-cli"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)

inputs = os.path.join(config.test_source_root, "Inputs")
q = shlex.quote
py = q(config.python_executable)

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# Reports are compared byte for byte: no terminal, no colours.
config.environment.pop("TERM", None)

config.substitutions.append(("%eagerlint", q(config.eagerlint)))
config.substitutions.append(
    ("%clang_tidy", q(config.clang_tidy) + " --load=" +
     q(config.eagerlint_tidy_plugin)))
config.substitutions.append(
    ("%clang_apply_replacements", q(config.clang_apply_replacements)))
config.substitutions.append(
    ("%mkdb", py + " " + q(os.path.join(inputs, "mkdb.py"))))
config.substitutions.append(
    ("%expect_exit", py + " " + q(os.path.join(inputs, "expect_exit.py"))))
config.substitutions.append(
    ("%ci_tool", py + " " + q(os.path.join(inputs, "ci_tool.py"))))
config.substitutions.append(("%python", py))
config.substitutions.append(("%runtime", q(config.eagerlint_runtime_include)))
config.substitutions.append(("%inputs", q(inputs)))
config.substitutions.append(
    ("%examples", q(os.path.join(config.eagerlint_source_dir, "examples"))))
config.substitutions.append(("%cxx", q(config.clangxx)))
if config.schema_python:
    config.available_features.add("jsonschema")
    config.substitutions.append(
        ("%schema_python", q(config.schema_python)))
