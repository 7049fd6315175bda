#!/usr/bin/python3
"""Writes the ONNX test files of tests/data/onnx/ and their reference numbers.

    /usr/bin/python3 tests/data/onnx/generate_onnx.py

Files (all in eval mode unless named otherwise, input "input", output
"output"):

  <model>_opset<N>.onnx        every zoo model of resources/zoo/generate_zoo.py
                               (ResNet-18 at opset 13 is named resnet18.onnx),
                               exported with export_params=False (no weight
                               data: weights are graph inputs with shapes),
                               spread over opsets 11..17;
  resnet18_init_opset13.onnx   ResNet-18 straight from its initialisation (BN
                               weight 1, bias 0, mean 0, var 1): every folded
                               conv bias is the same zero vector and torch's
                               initializer deduplication feeds them through
                               Identity nodes;
  tiny_cnn_folded_opset15.onnx   small conv+bn+relu+pool+linear CNN with
                                 weights, exported normally (BN folded into the
                                 preceding Conv);
  tiny_cnn_bn_opset15.onnx       the same exported with
                                 training=TrainingMode.PRESERVE from eval mode:
                                 BatchNormalization stays (training_mode=0);
  tiny_cnn_bn_training_opset15.onnx   the same with TrainingMode.TRAINING:
                                 BatchNormalization with training_mode=1 and
                                 three outputs;
  tiny_cnn_dynamic_batch_opset13.onnx   the tiny CNN without weights and with
                                 a symbolic batch dimension "batch";
  unsupported_resize_opset13.onnx   conv -> Upsample (Resize, unsupported, changes
                                 the shape) -> conv: partial import;
  unsupported_gridsample_opset16.onnx   a small CNN (with weights) with a
                                 GridSample node in the middle, an operator
                                 Tessera cannot express: partial import.

Except for resnet18_init, batch-norm parameters (weight, bias, running mean
and variance) and conv / linear biases are first set to seeded random values,
as a trained network would have them: with the fresh initialisation they are
all equal and torch deduplicates them into Identity nodes.

reference.json lists per file: the source model, opset, export options,
"macs" (of the source model, computed by torch forward hooks; for zoo models
identical to tests/data/zoo_reference/<model>.json) and "params": the
parameters the ONNX file holds, counted with the onnx package: for every
Conv, Gemm, MatMul with a constant weight and BatchNormalization node the
element counts of its weight and bias tensors (initializers, or graph inputs
when exported without params; through Identity nodes; for
BatchNormalization only scale and B). Every file passes onnx.checker
(full_check) and strict ONNX shape inference. Deterministic (fixed seeds).
"""

from __future__ import annotations

import collections
import json
import math
import sys
import time
import warnings
from pathlib import Path

import onnx
import torch
import torch.nn as nn

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "resources" / "zoo"))
import generate_zoo as zoo  # noqa: E402

OUT_DIR = REPO / "tests" / "data" / "onnx"
ZOO_REF_DIR = REPO / "tests" / "data" / "zoo_reference"
GENERATOR = "tests/data/onnx/generate_onnx.py"
SEED = 20240602

# zoo model -> opsets it is exported at (export_params=False)
ZOO_OPSETS = {
    "alexnet": [11],
    "vgg16": [12],
    "resnet18": [13],
    "resnet50": [14],
    "googlenet": [15],
    "inception_v3": [16],
    "squeezenet1_0": [17],
    "mobilenet_v2": [11],
    "shufflenet_v2_x1_0": [11, 17],  # Split sizes: attribute (< 13) vs input (>= 13)
    "inception_v4": [13],
}


def zoo_file_name(name: str, opset: int) -> str:
    return "resnet18.onnx" if (name, opset) == ("resnet18", 13) else f"{name}_opset{opset}.onnx"


class GridSampleNet(nn.Module):
    """conv -> relu -> grid_sample (unsupported) -> conv -> pool -> linear."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.relu1 = nn.ReLU()
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 10)
        theta = torch.tensor([[[0.9, 0.1, 0.0], [-0.1, 0.9, 0.0]]])
        self.register_buffer("grid", nn.functional.affine_grid(theta, [1, 8, 16, 16], align_corners=False))

    def forward(self, x):
        x = self.relu1(self.conv1(x))
        x = nn.functional.grid_sample(x, self.grid, align_corners=False)
        x = self.conv2(x)
        return self.fc(torch.flatten(self.gap(x), 1))


class ResizeNet(nn.Module):
    """conv -> upsample x2 (Resize, unsupported; changes the shape) -> conv -> pool -> linear."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")
        self.conv2 = nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.conv2(self.up(torch.relu(self.conv1(x))))
        return self.fc(torch.flatten(self.gap(x), 1))


class TinyCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.relu1 = nn.ReLU()
        self.pool = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(16)
        self.relu2 = nn.ReLU()
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.pool(self.relu1(self.bn1(self.conv1(x))))
        x = self.relu2(self.bn2(self.conv2(x)))
        return self.fc(torch.flatten(self.gap(x), 1))


def randomize(model: nn.Module, seed: int):
    """Trained-looking batch-norm statistics and biases (seeded)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                c = m.num_features
                m.weight.copy_(0.5 + torch.rand(c, generator=g))
                m.bias.copy_(0.1 * torch.randn(c, generator=g))
                m.running_mean.copy_(0.1 * torch.randn(c, generator=g))
                m.running_var.copy_(0.5 + torch.rand(c, generator=g))
            elif isinstance(m, (nn.Conv2d, nn.Linear)) and m.bias is not None:
                m.bias.copy_(0.01 * torch.randn(m.bias.shape, generator=g))


def export(model, x, path: Path, opset: int, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, x, str(path), opset_version=opset, input_names=["input"],
                          output_names=["output"], **kw)


def _dims(t) -> list[int]:
    return [d.dim_value if d.HasField("dim_value") else -1 for d in t.type.tensor_type.shape.dim]


def onnx_params(mp: onnx.ModelProto, data_inputs=("input",)) -> dict:
    """Parameters the file holds, per the rule in the module docstring."""
    g = mp.graph
    consts: dict[str, list[int]] = {t.name: list(t.dims) for t in g.initializer}
    for i in g.input:
        if i.name not in data_inputs and i.name not in consts:
            consts[i.name] = _dims(i)
    for n in g.node:
        if n.op_type == "Constant":
            for a in n.attribute:
                if a.name == "value":
                    consts[n.output[0]] = list(a.t.dims)
    ident = {n.output[0]: n.input[0] for n in g.node if n.op_type == "Identity"}

    def const_dims(name):
        while name in ident:
            name = ident[name]
        return consts.get(name)

    which = {"Conv": (1, 2), "Gemm": (1, 2), "MatMul": (1,), "BatchNormalization": (1, 2)}
    total, per_op = 0, collections.Counter()
    for n in g.node:
        if n.op_type not in which:
            continue
        for idx in which[n.op_type]:
            if idx >= len(n.input) or not n.input[idx]:
                continue
            dims = const_dims(n.input[idx])
            if dims is None:
                if n.op_type == "MatMul":
                    continue  # two activations
                raise RuntimeError(f"{n.name}: input {n.input[idx]} is not a constant")
            assert all(d > 0 for d in dims), (n.name, dims)
            total += math.prod(dims)
            per_op[n.op_type] += math.prod(dims)
    stored = sum(math.prod(v) for k, v in consts.items() if k in {t.name for t in g.initializer}
                 or k in {i.name for i in g.input})
    return {"params": total, "params_by_op": dict(sorted(per_op.items())), "stored_elements": stored}


def check(path: Path, out_shape: list[int]) -> dict:
    mp = onnx.load(str(path))
    onnx.checker.check_model(mp, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(mp, check_type=True, strict_mode=True, data_prop=True)
    out = [o for o in inferred.graph.output if o.name == "output"][0]
    if _dims(out) != out_shape:
        raise RuntimeError(f"{path.name}: inferred output {_dims(out)} != {out_shape}")
    known = {v.name for v in inferred.graph.value_info
             if v.type.tensor_type.HasField("shape") and all(d.HasField("dim_value")
                                                              for d in v.type.tensor_type.shape.dim)}
    known |= {o.name for o in inferred.graph.output}
    outputs = [o for n in inferred.graph.node for o in n.output if o]
    ops = collections.Counter(n.op_type for n in mp.graph.node)
    return {
        "ir_version": mp.ir_version,
        "opset_imported": {(o.domain or "ai.onnx"): o.version for o in mp.opset_import},
        "nodes": len(mp.graph.node),
        "op_types": dict(sorted(ops.items())),
        "weights_as_graph_inputs": sum(1 for i in mp.graph.input if i.name != "input"),
        "initializers": len(mp.graph.initializer),
        "tensors_without_inferred_shape": sum(1 for o in outputs if o not in known),
        **onnx_params(mp),
    }


def torch_numbers(model, x) -> dict:
    stats, out = zoo.conv_linear_stats(model, x)
    return {"macs": sum(s["macs"] for s in stats.values()),
            "torch_params": sum(p.numel() for p in model.parameters()),
            "output_shape": list(out.shape),
            "batchnorm_modules": sum(1 for m in model.modules() if isinstance(m, nn.BatchNorm2d))}


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    files: dict[str, dict] = {}
    t_all = time.perf_counter()

    def record(fname, source, opset, options, model, x, note=None, inferred_output=None):
        nums = torch_numbers(model, x)
        info = {"source": source, "opset": opset, "options": options,
                "input_shape": list(x.shape), **nums}
        info.update(check(OUT_DIR / fname, inferred_output or nums["output_shape"]))
        bn_nodes = info["op_types"].get("BatchNormalization", 0)
        info["batchnorm_nodes"] = bn_nodes
        info["batchnorm_folded"] = nums["batchnorm_modules"] > 0 and bn_nodes == 0
        info["size_bytes"] = (OUT_DIR / fname).stat().st_size
        if note:
            info["note"] = note
        files[fname] = info
        print(f"{fname:40s} {info['size_bytes']:>9,} B  nodes {info['nodes']:4d}  MACs {info['macs']:>15,}"
              f"  params {info['params']:>12,} (torch {info['torch_params']:>12,})"
              f"  BN folded {info['batchnorm_folded']}  unshaped {info['tensors_without_inferred_shape']}",
              flush=True)

    # Zoo models without weights.
    for k, (name, opsets) in enumerate(ZOO_OPSETS.items()):
        model, x = zoo.build_model(name), zoo.example_input(name)
        randomize(model, SEED + k)
        ref_macs = json.loads((ZOO_REF_DIR / f"{name}.json").read_text())["totals"]["macs"]
        for opset in opsets:
            fname = zoo_file_name(name, opset)
            export(model, x, OUT_DIR / fname, opset, export_params=False)
            record(fname, name, opset, {"export_params": False, "training": "EVAL"}, model, x)
            if files[fname]["macs"] != ref_macs:
                raise RuntimeError(f"{fname}: MACs differ from the zoo reference")

    model, x = zoo.build_model("resnet18"), zoo.example_input("resnet18")
    export(model, x, OUT_DIR / "resnet18_init_opset13.onnx", 13, export_params=False)
    record("resnet18_init_opset13.onnx", "resnet18", 13, {"export_params": False, "training": "EVAL"},
           model, x, note="fresh initialisation: identical folded biases are shared through Identity nodes")


    # Tiny CNN with weights, BN folded and kept.
    torch.manual_seed(SEED)
    tiny = TinyCNN().eval()
    randomize(tiny, SEED + 200)
    x = torch.randn(1, 3, 32, 32, generator=torch.Generator().manual_seed(SEED + 1))
    TM = torch.onnx.TrainingMode
    variants = [
        ("tiny_cnn_folded_opset15.onnx", {}, {"export_params": True, "training": "EVAL"}),
        ("tiny_cnn_bn_opset15.onnx", {"training": TM.PRESERVE},
         {"export_params": True, "training": "PRESERVE (model in eval mode)"}),
        ("tiny_cnn_bn_training_opset15.onnx", {"training": TM.TRAINING, "do_constant_folding": False},
         {"export_params": True, "training": "TRAINING", "do_constant_folding": False}),
    ]
    for fname, kw, options in variants:
        export(tiny, x, OUT_DIR / fname, 15, export_params=True, **kw)
        tiny.eval()  # (export restores the mode; be explicit)
        record(fname, "tiny_cnn", 15, options, tiny, x)

    # A symbolic batch dimension (the importer sets it to 1, with a warning).
    fname = "tiny_cnn_dynamic_batch_opset13.onnx"
    export(tiny, x, OUT_DIR / fname, 13, export_params=False, dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    record(fname, "tiny_cnn", 13, {"export_params": False, "training": "EVAL", "dynamic_axes": "input/output 0: batch"},
           tiny, x, note="symbolic batch dimension", inferred_output=[-1, 10])
    files[fname]["warning"] = "symbolic batch dimension 'batch' set to 1"

    # An operator Tessera cannot express (partial import).
    torch.manual_seed(SEED)
    gs = GridSampleNet().eval()
    x = torch.randn(1, 3, 16, 16, generator=torch.Generator().manual_seed(SEED + 2))
    fname = "unsupported_gridsample_opset16.onnx"
    export(gs, x, OUT_DIR / fname, 16, export_params=True)
    record(fname, "grid_sample_net", 16, {"export_params": True, "training": "EVAL"}, gs, x,
           note="GridSample is not supported: partial import")
    mp = onnx.load(str(OUT_DIR / fname))
    gnode = [n for n in mp.graph.node if n.op_type == "GridSample"][0]
    files[fname]["unsupported"] = {"node": gnode.name, "op": gnode.op_type}
    files[fname]["complete"] = False
    files[fname]["warning"] = f"node '{gnode.name}' (op GridSample)"
    files[fname]["layers_before"] = [n.name.lstrip("/") for n in mp.graph.node[:mp.graph.node[:].index(gnode)]
                                     if n.op_type in ("Conv", "Relu")]

    torch.manual_seed(SEED)
    rs = ResizeNet().eval()
    fname = "unsupported_resize_opset13.onnx"
    export(rs, x, OUT_DIR / fname, 13, export_params=False)
    record(fname, "resize_net", 13, {"export_params": False, "training": "EVAL"}, rs, x,
           note="Resize is not supported: its output becomes an extra network input")
    mp = onnx.load(str(OUT_DIR / fname))
    rnode = [n for n in mp.graph.node if n.op_type == "Resize"][0]
    files[fname]["unsupported"] = {"node": rnode.name, "op": rnode.op_type}
    files[fname]["complete"] = False
    files[fname]["warning"] = f"node '{rnode.name}' (op Resize)"

    for f in files.values():
        f.setdefault("complete", True)

    ref = {
        "generator": GENERATOR,
        "torch_version": torch.__version__,
        "onnx_version": onnx.__version__,
        "params_rule": "per Conv/Gemm/BatchNormalization node (and MatMul with a constant weight): element "
                       "counts of its weight and bias inputs (initializers, Constant nodes or graph inputs, "
                       "through Identity nodes); BatchNormalization: scale and B only",
        "macs_rule": "torch forward hooks on the source model: conv output elements x in_channels/groups x "
                     "kh x kw, linear in x out (batch 1)",
        "files": files,
    }
    lines = ["{"]
    for k, v in ref.items():
        if k != "files":
            lines.append(f" {json.dumps(k)}: {json.dumps(v)},")
    lines.append(' "files": {')
    lines.append(",\n".join(f"  {json.dumps(f)}: {json.dumps(v, separators=(', ', ': '))}"
                            for f, v in files.items()))
    lines.append(" }")
    lines.append("}")
    (OUT_DIR / "reference.json").write_text("\n".join(lines) + "\n")
    print(f"total {time.perf_counter() - t_all:.1f} s")


if __name__ == "__main__":
    main()
