#!/usr/bin/env bash
# Installs what is missing, builds (warnings are errors), and runs every test
# through CTest. GUI suites run on Qt's offscreen platform, so no display is
# needed.
#
# In CI (CI=true), or with NEWSGRAPH_SANITIZE=1, the whole suite then runs a
# second time from a build with AddressSanitizer and UndefinedBehaviorSanitizer
# (build-sanitize/): memory errors, leaks and undefined behaviour fail the
# tests that reach them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$root/packaging/install-deps.sh"
"$root/packaging/build.sh" -DNEWSGRAPH_WERROR=ON -DNEWSGRAPH_BUILD_TESTS=ON

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "${NEWSGRAPH_BUILD_DIR:-$root/build}" --output-on-failure --parallel 2 "$@"

if [ "${CI:-}" = true ] || [ "${NEWSGRAPH_SANITIZE:-0}" = 1 ]; then
    sanitize_build="${NEWSGRAPH_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
    echo "Running every test again under AddressSanitizer and UndefinedBehaviorSanitizer ($sanitize_build)"
    NEWSGRAPH_BUILD_DIR="$sanitize_build" "$root/packaging/build.sh" -DNEWSGRAPH_WERROR=ON \
        -DNEWSGRAPH_BUILD_TESTS=ON -DNEWSGRAPH_BUILD_BENCHMARKS=OFF -DNEWSGRAPH_SANITIZE=ON
    # Leaks of the libraries below us (fontconfig, Qt's plugins) are theirs;
    # the suppressions name them, so a leak of ours still fails.
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
    export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    ctest --test-dir "$sanitize_build" --output-on-failure --parallel 2 "$@"
fi
