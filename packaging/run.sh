#!/usr/bin/env bash
# Installs what is missing, builds, and opens the NewsGraph explorer on the
# bundled sample corpus. Arguments go to the program (e.g. --db FILE).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$root/packaging/install-deps.sh"
"$root/packaging/build.sh"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting NewsGraph on a virtual X server (xvfb-run)." >&2
    exec xvfb-run -a "$root/build/app/newsgraph" "$@"
fi
exec "$root/build/app/newsgraph" "$@"
