#!/bin/bash
# Regenerates the workbench screenshots in docs/images from real explorations:
#   bash docs/images/make_screenshots.sh [build-dir]   (default build/dev)
# ResNet-18 partitioned on TX2 + Cyclone 10 GX (the latency-energy front),
# and GoogLeNet's DYNAMAP mapping on the Alveo U200 with the overlay sweep.
set -euo pipefail
build=${1:-build/dev}
out=$(dirname "$0")
db=$(mktemp -d)/screenshots.sqlite
"$build/app/tessera-cli" explore --network resnet18 --platform jetson_tx2_cyclone10gx --strategy partition \
    --objective pareto --db "$db" > /dev/null
"$build/app/tessera-cli" explore --network googlenet --platform alveo_u200_host --strategy algosel \
    --overlay-sweep --db "$db" > /dev/null
export QT_QPA_PLATFORM=offscreen
"$build/app/tessera" --db "$db" --exploration 1 --size 1440x900 --screenshot "$out/workbench_resnet18_tx2.png"
"$build/app/tessera" --db "$db" --exploration 1 --size 1024x700 --screenshot "$out/workbench_resnet18_tx2_small.png"
"$build/app/tessera" --db "$db" --exploration 2 --size 1440x900 --screenshot "$out/workbench_googlenet_u200.png"
