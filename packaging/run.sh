#!/usr/bin/env bash
# Builds Tessera and starts the GUI on its embedded default data (ResNet-18
# from the built-in zoo). Extra arguments go to the GUI (a zoo name or a
# .json/.onnx file). Without a display it says how to get one and runs the
# CLI demo instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
bash "$here/build.sh" dev
bin="$root/build/dev/app"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
  exec "$bin/tessera" "$@"
fi

cat >&2 <<MSG
No display found, so the Tessera GUI cannot open a window here.
  - On a desktop, run: $bin/tessera
  - Headless, under a virtual X server: xvfb-run -a $bin/tessera
    (add --screenshot shot.png to save a picture of the window and exit)
Meanwhile, the same analysis from the command line (tessera-cli):

MSG
"$bin/tessera-cli" network list
echo
"$bin/tessera-cli" network show "${1:-resnet18}"
