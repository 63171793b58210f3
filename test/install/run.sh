#!/usr/bin/env bash
# The install tests (issue 15), one STEP per ctest test:
#
#   run.sh setup  CMAKE BUILD_DIR PREFIX        cmake --install into PREFIX
#   run.sh build-tree EAGERLINT PLUGIN          the build tree's CLI finds PLUGIN
#   run.sh STEP   SOURCE_DIR BUILD_DIR PREFIX VERSION LLVM_VERSION
#
# Every STEP but `deb` copies PREFIX to a new temporary directory (the
# installed tree moved), copies its inputs there too, and then runs with the
# source and build trees hidden (an empty directory mounted over each in a
# private mount namespace), so the installed tools can only use what was
# installed. Steps:
#   cli         eagerlint --version / --print-plugin-path, findings and SARIF
#               on a project outside the source tree, --fix, verify; the
#               plugin in clang-tidy-19, and refusing any other clang-tidy
#   cmake       find_package(eagerlint) + eagerlint::runtime; the plugin
#               through CMAKE_CXX_CLANG_TIDY, and the package's
#               EAGERLINT_CXX_CLANG_TIDY as a build gate
#   pre-commit  the hook of .pre-commit-hooks.yaml fails a commit that stages
#               a hazard and passes a clean one
#   action      action.yml's inputs reach its scripts; its eagerlint step
#               records the exit status and writes the report
#   deb         cpack builds eagerlint_VERSION_amd64.deb; its metadata,
#               dependencies and files; the unpacked tree works; as root it
#               is installed with dpkg, used and removed
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
note() { echo "-- $*"; }

# expect_status WANT CMD...: runs CMD, output to $log, and fails unless it
# exits with WANT.
log=/dev/null
expect_status() {
  local want=$1 got=0
  shift
  "$@" >"$log" 2>&1 || got=$?
  if [[ $got != "$want" ]]; then
    cat "$log" >&2
    fail "'$*' exited with $got, expected $want"
  fi
}
# expect_in FILE TEXT: FILE contains TEXT.
expect_in() {
  grep -qF -- "$2" "$1" || {
    cat "$1" >&2
    fail "no '$2' in the output above"
  }
}

# The build tree's eagerlint finds the build tree's plugin.
if [[ $1 == build-tree ]]; then
  eagerlint=$2 plugin=$3
  found=$("$eagerlint" --print-plugin-path)
  [[ $found -ef $plugin ]] || fail "--print-plugin-path: $found, expected $plugin"
  exit 0
fi

if [[ $1 == setup ]]; then
  cmake=$2 build=$3 prefix=$4
  rm -rf "$prefix"
  "$cmake" --install "$build" --prefix "$prefix" --strip >/dev/null
  exit 0
fi

step=$1 src=$2 build=$3 prefix=$4 version=$5 llvm_version=$6
llvm_major=${llvm_version%%.*}
# The finding in Inputs/project/src/job.cpp: its t.cancel().
hazard=src/job.cpp:18:5
here=$(cd "$(dirname "$0")" && pwd)

# ---------------------------------------------------------------- cli
step_cli() {
  local eagerlint=$work/prefix/bin/eagerlint
  local plugin=$work/prefix/lib/eagerlint/libeagerlint-tidy.so
  log=$work/out.txt

  note "versions"
  expect_status 0 "$eagerlint" --version
  expect_in "$log" "eagerlint $version ("
  expect_in "$log" "LLVM $llvm_version)"
  expect_status 0 clang-tidy-"$llvm_major" --load="$plugin" --version
  expect_in "$log" "eagerlint $version (clang-tidy plugin, built against LLVM $llvm_version)"

  note "the plugin next to the executable"
  expect_status 0 "$eagerlint" --print-plugin-path
  [[ $(cat "$log") == "$plugin" ]] || fail "--print-plugin-path: $(cat "$log"), expected $plugin"

  note "findings and SARIF on a project outside the source tree"
  cd "$work/project"
  expect_status 0 cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=clang++-"$llvm_major" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_PREFIX_PATH="$work/prefix"
  expect_status 1 eagerlint -p build --progress=none
  expect_in "$log" "$hazard: warning:"
  expect_in "$log" "[eager-cancel-before-start]"
  if grep -q "src/clean.cpp:[0-9]" "$log"; then cat "$log"; fail "a finding in clean.cpp"; fi
  expect_status 1 eagerlint -p build --progress=none --format sarif --output out.sarif
  python3 - out.sarif <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0", log["version"]
run = log["runs"][0]
results = run["results"]
assert [r["ruleId"] for r in results] == ["eager-cancel-before-start"], results
loc = results[0]["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"] == "src/job.cpp", loc
assert loc["region"]["startLine"] == 18, loc
assert run["tool"]["driver"]["name"] == "eagerlint"
EOF

  note "the plugin in clang-tidy-$llvm_major"
  expect_status 0 clang-tidy-"$llvm_major" --load="$plugin" --checks='-*,eager-*' -p build src/job.cpp src/clean.cpp
  expect_in "$log" "$hazard: warning:"
  expect_in "$log" "[eager-cancel-before-start]"

  note "verify, --fix, verify"
  expect_status 1 eagerlint verify src/job.cpp
  expect_in "$log" "different: src/job.cpp"
  expect_status 1 eagerlint -p build --progress=none --fix
  expect_in "$log" "applied 1 fix-it to 1 file"
  expect_status 0 eagerlint -p build --progress=none
  expect_status 0 eagerlint verify -p build src/job.cpp
  expect_in "$log" "same: src/job.cpp"

  note "refusing another clang-tidy"
  local others=0 tidy
  for tidy in /usr/bin/clang-tidy-[0-9]*; do
    [[ -x $tidy && $tidy != */clang-tidy-"$llvm_major" ]] || continue
    others=$((others + 1))
    expect_status 1 "$tidy" --load="$plugin" --checks='-*,eager-*' src/job.cpp -- -std=c++20
    expect_in "$log" "error: eagerlint $version (clang-tidy plugin, built against LLVM $llvm_version) cannot run in this clang-tidy"
    expect_in "$log" "it needs clang-tidy $llvm_major"
    if grep -qi "stack dump\|segmentation\|PLEASE submit" "$log"; then
      cat "$log" >&2
      fail "$tidy crashed with the plugin"
    fi
  done
  ((others > 0)) || note "skipped: no clang-tidy of another major version installed (scripts/bootstrap installs clang-tidy-14)"

  note "an installed tree missing its plugin or headers: one clear line"
  rm "$plugin"
  expect_status 2 eagerlint --print-plugin-path
  expect_in "$log" "eagerlint: error: cannot find the clang-tidy plugin (looked in: $plugin"
  if [[ $EAGERLINT_INSTALL_HIDE != 0 ]]; then
    mv "$work/prefix/include" "$work/prefix/include.away"
    expect_status 2 eagerlint verify src/job.cpp
    expect_in "$log" "eagerlint verify: error: cannot find the eagerlint runtime headers"
  fi
}

# ---------------------------------------------------------------- cmake
step_cmake() {
  local plugin=$work/prefix/lib/eagerlint/libeagerlint-tidy.so
  log=$work/out.txt
  cd "$work/project"
  local common=(-G Ninja -DCMAKE_CXX_COMPILER=clang++-"$llvm_major"
    -DCMAKE_PREFIX_PATH="$work/prefix")

  note "find_package(eagerlint), eagerlint::runtime, CMAKE_CXX_CLANG_TIDY"
  expect_status 0 cmake -S . -B build "${common[@]}" \
    "-DCMAKE_CXX_CLANG_TIDY=clang-tidy-$llvm_major;--load=$plugin;--checks=-*,eager-*"
  expect_in "$log" "eagerlint $version (LLVM $llvm_version)"
  expect_in "$log" "EAGERLINT_EXECUTABLE=$work/prefix/bin/eagerlint"
  expect_in "$log" "EAGERLINT_TIDY_PLUGIN=$plugin"
  expect_status 0 cmake --build build
  expect_in "$log" "$hazard: warning:"
  expect_in "$log" "[eager-cancel-before-start]"
  expect_status 0 build/answer
  expect_in "$log" "answer: 42"

  note "EAGERLINT_CXX_CLANG_TIDY as a build gate"
  expect_status 0 cmake -S . -B gate "${common[@]}" -DGATE=ON
  expect_status 1 cmake --build gate
  expect_in "$log" "$hazard: error:"
  expect_in "$log" "[eager-cancel-before-start,-warnings-as-errors]"
}

# ---------------------------------------------------------------- pre-commit
step_pre_commit() {
  log=$work/out.txt
  if ! command -v pre-commit >/dev/null; then
    note "skipped: pre-commit is not installed (scripts/bootstrap installs Debian's pre-commit)"
    exit 77
  fi
  export PRE_COMMIT_HOME=$work/pre-commit-home
  export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
  export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
  export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

  # The hook repository: this project's .pre-commit-hooks.yaml.
  git init -q "$work/hooks"
  cp "$work/.pre-commit-hooks.yaml" "$work/hooks/"
  git -C "$work/hooks" add .pre-commit-hooks.yaml
  git -C "$work/hooks" commit -qm hooks
  local rev
  rev=$(git -C "$work/hooks" rev-parse HEAD)

  cd "$work/project"
  git init -q .
  printf 'build/\n' >.gitignore
  cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: eagerlint
EOF
  expect_status 0 cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=clang++-"$llvm_major" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_PREFIX_PATH="$work/prefix"
  expect_status 0 pre-commit install
  note "a commit staging a clean file passes"
  git add .gitignore .pre-commit-config.yaml CMakeLists.txt src/clean.cpp
  expect_status 0 git commit -m clean
  expect_in "$log" "eagerlint (eager-start hazards)"
  expect_in "$log" "Passed"
  note "a commit staging a hazard fails"
  git add src/job.cpp
  expect_status 1 git commit -m hazard
  expect_in "$log" "Failed"
  expect_in "$log" "$hazard: warning:"
  expect_in "$log" "[eager-cancel-before-start]"
  [[ $(git rev-list --count HEAD) == 1 ]] || fail "the hazard was committed"
}

# ---------------------------------------------------------------- action
step_action() {
  log=$work/out.txt
  note "action.yml: composite, every input used, every script present"
  python3 - "$work/action.yml" "$work" <<'EOF'
import os, re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
root = sys.argv[2]
assert action["runs"]["using"] == "composite"
steps = action["runs"]["steps"]
text = yaml.safe_dump(steps)
for name in ("build-dir", "profile", "baseline", "shard", "upload-sarif"):
    assert name in action["inputs"], f"no input {name}"
for name in action["inputs"]:
    assert f"inputs.{name}" in text, f"input {name} is not used"
for script in re.findall(r"\$GITHUB_ACTION_PATH/([\w/.-]+)", text):
    path = os.path.join(root, script)
    assert os.access(path, os.X_OK), f"{script} is missing or not executable"
assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif")
           for s in steps), "no SARIF upload"
EOF

  cd "$work/project"
  expect_status 0 cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=clang++-"$llvm_major" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_PREFIX_PATH="$work/prefix"
  local run=$work/scripts/github-action/run
  export GITHUB_OUTPUT=$work/github-output INPUT_BUILD_DIR=build
  note "findings: exit-code 1 recorded, the step itself passes, SARIF written"
  : >"$GITHUB_OUTPUT"
  expect_status 0 "$run"
  expect_in "$GITHUB_OUTPUT" "exit-code=1"
  expect_in "$GITHUB_OUTPUT" "report=eagerlint.sarif"
  expect_in eagerlint.sarif '"ruleId": "eager-cancel-before-start"'
  note "with a baseline and a profile: exit-code 0"
  expect_status 0 eagerlint -p build --progress=none --write-baseline baseline.json
  : >"$GITHUB_OUTPUT"
  INPUT_BASELINE=baseline.json INPUT_PROFILE=reference expect_status 0 "$run"
  expect_in "$GITHUB_OUTPUT" "exit-code=0"
  note "an unknown profile: exit-code 2"
  : >"$GITHUB_OUTPUT"
  INPUT_PROFILE=no-such-profile expect_status 0 "$run"
  expect_in "$GITHUB_OUTPUT" "exit-code=2"
  note "args and output"
  : >"$GITHUB_OUTPUT"
  INPUT_OUTPUT=checked.sarif INPUT_ARGS="--checks=-eager-cancel-before-start" expect_status 0 "$run"
  expect_in "$GITHUB_OUTPUT" "exit-code=0"
  expect_in "$GITHUB_OUTPUT" "report=checked.sarif"
  if eagerlint --help | grep -q -- "--shard"; then
    note "a shard: partial JSON result"
    : >"$GITHUB_OUTPUT"
    INPUT_SHARD=1/2 expect_status 0 "$run"
    expect_in "$GITHUB_OUTPUT" "report=eagerlint-shard-1-of-2.json"
  else
    note "not exercised: this eagerlint has no --shard yet"
  fi
}

# ---------------------------------------------------------------- deb
step_deb() {
  log=$work/out.txt
  cd "$work"
  expect_status 0 "${CPACK:-cpack}" -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg"
  local deb=$work/pkg/eagerlint_${version}_amd64.deb
  [[ -f $deb ]] || { ls "$work/pkg" >&2; fail "no $deb"; }

  note "metadata and dependencies"
  dpkg-deb -I "$deb" >"$work/info.txt"
  expect_in "$work/info.txt" "Package: eagerlint"
  expect_in "$work/info.txt" "Version: $version"
  expect_in "$work/info.txt" "Architecture: amd64"
  local depends
  depends=$(dpkg-deb -f "$deb" Depends)
  note "Depends: $depends"
  for p in libclang-cpp$llvm_major libllvm$llvm_major clang-tidy-$llvm_major \
    libclang-common-$llvm_major-dev libstdc++6 libc6; do
    [[ ", $depends," == *", $p "* || ", $depends," == *", $p,"* ]] ||
      fail "Depends lacks $p: $depends"
  done

  note "files"
  dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/files.txt"
  for f in ./usr/bin/eagerlint ./usr/lib/eagerlint/libeagerlint-tidy.so \
    ./usr/include/eagerlint/runtime.hpp ./usr/include/eagerlint/detail/loop_core.hpp \
    ./usr/lib/cmake/eagerlint/eagerlintConfig.cmake \
    ./usr/lib/cmake/eagerlint/eagerlintConfigVersion.cmake \
    ./usr/lib/cmake/eagerlint/eagerlintTargets.cmake \
    ./usr/share/doc/eagerlint/README.md ./usr/share/doc/eagerlint/docs/install.md; do
    expect_in "$work/files.txt" "$f"
  done
  if grep -v '^\./usr/' "$work/files.txt" | grep -qv '^\./$'; then
    cat "$work/files.txt" >&2
    fail "files outside /usr"
  fi

  note "the unpacked tree works where it lies"
  dpkg-deb -x "$deb" "$work/root"
  expect_status 0 "$work/root/usr/bin/eagerlint" --version
  expect_in "$log" "eagerlint $version"
  expect_status 0 "$work/root/usr/bin/eagerlint" --print-plugin-path
  expect_in "$log" "$work/root/usr/lib/eagerlint/libeagerlint-tidy.so"
  if readelf -d "$work/root/usr/bin/eagerlint" | grep -q "R.*PATH"; then
    fail "the packaged eagerlint has an RPATH/RUNPATH"
  fi

  if [[ $(id -u) -ne 0 ]]; then
    note "skipped: installing the package needs root"
    return
  fi
  if dpkg-query -W -f='${Status}' eagerlint 2>/dev/null | grep -q "ok installed"; then
    note "skipped: an eagerlint package is installed already; left alone"
    return
  fi
  note "dpkg -i, use, dpkg -r"
  trap 'dpkg -r eagerlint >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  expect_status 0 dpkg -i "$deb"
  expect_status 0 /usr/bin/eagerlint --version
  expect_in "$log" "eagerlint $version"
  expect_status 0 clang-tidy-"$llvm_major" --load=/usr/lib/eagerlint/libeagerlint-tidy.so --list-checks --checks='-*,eager-*'
  expect_in "$log" "eager-cancel-before-start"
  expect_status 0 dpkg -r eagerlint
  [[ ! -e /usr/bin/eagerlint ]] || fail "dpkg -r left /usr/bin/eagerlint"
}

# ---------------------------------------------------------------- main
if [[ ${EAGERLINT_INSTALL_TEST_INSIDE:-} != 1 ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/eagerlint-install.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  # ctest's timeout sends TERM: clean up (and remove the package) then too.
  trap 'exit 143' TERM INT
  if [[ $step == deb ]]; then
    step_deb
    exit 0
  fi
  # The installed tree, moved; everything the step reads, copied out.
  cp -a "$prefix" "$work/prefix"
  cp -a "$here/Inputs/project" "$work/project"
  cp "$here/run.sh" "$src/.pre-commit-hooks.yaml" "$src/action.yml" "$work/"
  mkdir -p "$work/scripts" "$work/empty"
  cp -a "$src/scripts/github-action" "$work/scripts/"
  hide=()
  if unshare -m true 2>/dev/null; then
    hide=(unshare -m)
  elif unshare -rm true 2>/dev/null; then
    hide=(unshare -rm)
  else
    note "cannot hide the source and build trees here (no mount namespace); they stay visible"
  fi
  EAGERLINT_INSTALL_TEST_INSIDE=1 EAGERLINT_INSTALL_WORK=$work \
    EAGERLINT_INSTALL_HIDE=${#hide[@]} "${hide[@]}" bash "$work/run.sh" "$@"
  exit
fi

work=$EAGERLINT_INSTALL_WORK
if [[ $EAGERLINT_INSTALL_HIDE != 0 ]]; then
  for dir in "$src" "$build"; do
    # A build tree inside the source tree is hidden with it.
    [[ ! -d $dir ]] || mount --bind "$work/empty" "$dir"
  done
  [[ ! -e $src/CMakeLists.txt && ! -e $build/CMakeCache.txt ]] ||
    fail "the source or build tree is still visible"
  note "source and build trees hidden"
fi
cd "$work"
export PATH=$work/prefix/bin:$PATH
case $step in
cli) step_cli ;;
cmake) step_cmake ;;
pre-commit) step_pre_commit ;;
action) step_action ;;
*) fail "unknown step '$step'" ;;
esac
