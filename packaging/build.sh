#!/usr/bin/env bash
# Configures and builds NewsGraph in build/ (incremental after the first run).
# Extra arguments go to CMake's configure step, e.g. -DNEWSGRAPH_WERROR=ON.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NEWSGRAPH_BUILD_DIR:-$root/build}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
