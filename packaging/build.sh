#!/usr/bin/env bash
# Installs what is missing (packaging/install-deps.sh), then configures and
# builds Tessera with the given CMake preset (default: dev) into build/<preset>.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
preset="${1:-dev}"

bash "$here/install-deps.sh"
cd "$root"
if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset"
fi
jobs="${TESSERA_JOBS:-$(nproc)}"
cmake --build --preset "$preset" -- -j "$jobs"
