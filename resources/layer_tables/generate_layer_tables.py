#!/usr/bin/env python3
"""Write the layer tables of Carballo-Hernandez, Pelcat, Berry (JSPS 2023) as
Tessera network files (docs/network-format.md), one input per table row
feeding one convolution, so that `tessera-cli partition` solves each row of
the paper's experiments on its own.

The rows transcribe ../shared/design/methods.md section 1 (HW = input size,
C, k, N). Strides and padding follow the original networks: AlexNet conv1
stride 4 pad 0 (224 -> 54), the other AlexNet convs stride 1 pad k//2;
VGG16 stride 1 pad 1; ResNet18 conv1 stride 2 pad 3, stride 2 for the first
3x3 conv of layers 2-4 (the rows where N = 2C), every other conv stride 1
pad 1. ResNet18's 1x1 shortcut convs are left out, as in the paper.

Stdlib only. Usage: python3 generate_layer_tables.py [output folder]
(default: the folder of this script).
"""

import json
import os
import sys

PAPER = ("Carballo-Hernandez, Pelcat, Berry, GP partitioning of CNN layers across "
         "CPU, GPU and FPGA, J. Signal Processing Systems 95, 2023")
SOURCE = ("layer table of the paper's experiments, transcribed from methods.md "
          "section 1 by resources/layer_tables/generate_layer_tables.py")


def alexnet():
    names = ["conv1", "conv2", "conv3", "conv4", "conv5"]
    hw = [224, 54, 26, 12, 12]
    c = [3, 96, 256, 384, 384]
    k = [11, 5, 3, 3, 3]
    n = [96, 256, 384, 384, 256]
    rows = []
    for i, name in enumerate(names):
        stride, pad = (4, 0) if i == 0 else (1, k[i] // 2)
        rows.append((name, hw[i], c[i], k[i], n[i], stride, pad))
    return rows


def vgg16():
    names = ["conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3",
             "conv4_1", "conv4_2", "conv4_3", "conv5_1", "conv5_2", "conv5_3"]
    hw = [224, 224, 112, 112, 56, 56, 56, 28, 28, 28, 14, 14, 14]
    c = [3, 64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512]
    n = [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512]
    return [(names[i], hw[i], c[i], 3, n[i], 1, 1) for i in range(len(names))]


def resnet18():
    names = ["conv1",
             "layer1.0.conv1", "layer1.0.conv2", "layer1.1.conv1", "layer1.1.conv2",
             "layer2.0.conv1", "layer2.0.conv2", "layer2.1.conv1", "layer2.1.conv2",
             "layer3.0.conv1", "layer3.0.conv2", "layer3.1.conv1", "layer3.1.conv2",
             "layer4.0.conv1", "layer4.0.conv2", "layer4.1.conv1", "layer4.1.conv2"]
    hw = [224] + [56] * 5 + [28] * 4 + [14] * 4 + [7] * 3
    c = [3, 64, 64, 64, 64, 64, 128, 128, 128, 128, 256, 256, 256, 256, 512, 512, 512]
    n = [64, 64, 64, 64, 64, 128, 128, 128, 128, 256, 256, 256, 256, 512, 512, 512, 512]
    rows = []
    for i, name in enumerate(names):
        if i == 0:
            rows.append((name, hw[i], c[i], 7, n[i], 2, 3))
        else:
            stride = 2 if n[i] == 2 * c[i] else 1
            rows.append((name, hw[i], c[i], 3, n[i], stride, 1))
    return rows


def network(name, title, rows):
    inputs, layers = [], []
    for (layer, hw, c, k, n, stride, pad) in rows:
        tensor = layer + "_in"
        inputs.append({"name": tensor, "shape": [1, c, hw, hw]})
        layers.append({"name": layer, "op": "conv", "inputs": [tensor], "out_channels": n,
                       "kernel": [k, k], "stride": [stride, stride], "padding": [pad, pad, pad, pad],
                       "bias": False})
    return {
        "format": "tessera-network",
        "schema_version": 1,
        "name": name,
        "description": title + ": the convolution layers of the experiments of " + PAPER +
                       ", each an independent input feeding one conv (HW, C, k, N as in the paper's table)",
        "source": SOURCE,
        "inputs": inputs,
        "layers": layers,
        "outputs": [r[0] for r in rows],
    }


def dump(doc):
    """The zoo's layout: one line per input and per layer."""
    def items(key):
        return ",\n".join("    " + json.dumps(v) for v in doc[key])
    head = ",\n".join(f"  {json.dumps(k)}: {json.dumps(doc[k])}"
                       for k in ("format", "schema_version", "name", "description", "source"))
    return (f"{{\n{head},\n  \"inputs\": [\n{items('inputs')}\n  ],\n"
            f"  \"layers\": [\n{items('layers')}\n  ],\n"
            f"  \"outputs\": {json.dumps(doc['outputs'])}\n}}\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    tables = [("paper_alexnet", "AlexNet conv1-5", alexnet()),
              ("paper_vgg16", "VGG16 conv1_1-conv5_3", vgg16()),
              ("paper_resnet18", "ResNet18 17 convs, shortcuts left out", resnet18())]
    for name, title, rows in tables:
        path = os.path.join(out, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(dump(network(name, title, rows)))
        print(f"{path}: {len(rows)} layers")


if __name__ == "__main__":
    main()
