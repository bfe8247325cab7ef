#!/usr/bin/env bash
# Installs what is missing, builds (warnings are errors), and runs every test
# through CTest. GUI suites run on Qt's offscreen platform, so no display is
# needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$root/packaging/install-deps.sh"
"$root/packaging/build.sh" -DNEWSGRAPH_WERROR=ON -DNEWSGRAPH_BUILD_TESTS=ON

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "${NEWSGRAPH_BUILD_DIR:-$root/build}" --output-on-failure --parallel 2 "$@"
