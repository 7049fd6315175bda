#!/usr/bin/env bash
# Builds Tessera and runs the whole test suite (ctest, offscreen Qt).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
bash "$here/build.sh" dev
cd "$root"
export QT_QPA_PLATFORM=offscreen
ctest --preset dev -j "${TESSERA_JOBS:-$(nproc)}"
