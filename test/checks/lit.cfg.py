# lit configuration of the eager-* check tests (see lit.site.cfg.py.in).
import os
import shlex

import lit.formats

config.name = "eagerlint-checks"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)

inputs = os.path.join(config.test_source_root, "Inputs")
runner = os.path.join(config.eagerlint_source_dir, "scripts",
                      "check_clang_tidy.py")
q = shlex.quote

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])

config.substitutions.append(
    ("%check_clang_tidy",
     " ".join([q(config.python_executable), q(runner),
               "--clang-tidy=" + q(config.clang_tidy),
               "--plugin=" + q(config.eagerlint_tidy_plugin),
               "--filecheck=" + q(os.path.join(config.llvm_tools_dir,
                                               "FileCheck")),
               "--clang=" + q(config.clangxx)])))
config.substitutions.append(
    ("%clang_tidy_plugin", q(config.eagerlint_tidy_plugin)))
config.substitutions.append(
    ("%clang_tidy", q(config.clang_tidy) + " --load=" +
     q(config.eagerlint_tidy_plugin)))
config.substitutions.append(("%clangxx", q(config.clangxx)))
# Mocked <coroutine> and runtime / Asio headers: no system library needed.
config.substitutions.append(
    ("%mock_rt", "-nostdinc++ -isystem " + q(os.path.join(inputs, "std")) +
     " -isystem " + q(os.path.join(inputs, "rt"))))
config.substitutions.append(
    ("%mock_asio", "-nostdinc++ -isystem " + q(os.path.join(inputs, "std")) +
     " -isystem " + q(os.path.join(inputs, "asio-mock"))))
# One mock per built-in profile's library (Inputs/<lib>-mock), each with the
# library's real qualified names and initial_suspend behaviour.
for lib in ["cobalt", "cppcoro", "libcoro", "folly", "kj", "seastar"]:
    config.substitutions.append(
        ("%mock_" + lib,
         "-nostdinc++ -isystem " + q(os.path.join(inputs, "std")) +
         " -isystem " + q(os.path.join(inputs, lib + "-mock"))))
config.substitutions.append(("%inputs", q(inputs)))
# The real reference runtime and the real Asio (Debian libasio-dev 1.22).
config.substitutions.append(
    ("%real_rt", "-I " + q(config.eagerlint_runtime_include)))
config.substitutions.append(
    ("%real_asio", "-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1"))

if os.path.exists("/usr/include/asio.hpp"):
    config.available_features.add("asio")
# Debian's Boost.Asio (libboost-dev 1.74 or libboost1.81-dev).
if os.path.exists("/usr/include/boost/asio.hpp"):
    config.available_features.add("boost")
