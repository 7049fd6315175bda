#!/usr/bin/python3
"""Builds Tessera's model zoo and its independent reference numbers.

    /usr/bin/python3 resources/zoo/generate_zoo.py            # all models
    /usr/bin/python3 resources/zoo/generate_zoo.py resnet18   # some of them

For each model it writes

  resources/zoo/<name>.json
      the network in the Tessera network format (docs/network-format.md),
      converted from a torch.fx trace of the torch model with concrete shapes
      from ShapeProp;
  tests/data/zoo_reference/<name>.json
      reference numbers computed by torch itself, not from the JSON above:
      MACs and parameter counts of every Conv2d / Linear from forward hooks on
      the real module during a real forward pass, totals from
      model.parameters(), and the output shape of every layer of the zoo
      file (keyed by the same layer name) recorded while running the traced
      graph on a real input.

Needs Debian's python3-torch / python3-torchvision (torch 1.13, torchvision
0.14); no network access and no pretrained weights (weights=None).
Deterministic: fixed seeds, no timestamps in the output.

The models: torchvision alexnet, vgg16, resnet18, resnet50, googlenet,
inception_v3, squeezenet1_0, mobilenet_v2, shufflenet_v2_x1_0, and
inception_v4 defined below after the paper.
"""

from __future__ import annotations

import argparse
import dis
import inspect
import json
import math
import operator
import sys
import time
from pathlib import Path
from typing import Any, Callable

import torch
import torch.fx as fx
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torch.fx.passes.shape_prop import ShapeProp
from torchvision.models import shufflenetv2

REPO = Path(__file__).resolve().parents[2]
ZOO_DIR = REPO / "resources" / "zoo"
REF_DIR = REPO / "tests" / "data" / "zoo_reference"
GENERATOR = "resources/zoo/generate_zoo.py"
SEED = 20240601


# ---------------------------------------------------------------------------
# Inception-v4 (Szegedy, Ioffe, Vanhoucke, Alemi 2016: "Inception-v4,
# Inception-ResNet and the Impact of Residual Connections", arXiv:1602.07261).
# Stem: Figure 3; Inception-A: Figure 4; Inception-B: Figure 5;
# Inception-C: Figure 6; Reduction-A: Figure 7 (k=192, l=224, m=256, n=384,
# Table 1); Reduction-B: Figure 8; whole network: Figure 9.
# "V" in the figures means valid (no) padding; other convolutions keep the
# spatial size. Each convolution is conv(bias=False) + BatchNorm(eps=1e-3) +
# ReLU, and the module layout / names follow the widely used Cadene
# (pretrainedmodels) and timm implementation (features.0 .. features.21), so
# parameter counts agree with it (42,679,816). The paper's 3x3/192 stem
# convolution before the last concat needs stride 2 to give the 35x35 grid
# the figure states (as in every implementation). Average pools inside the
# blocks do not count padding (count_include_pad=False, as Cadene/timm).
# Kernels written "1x7" in the figures are (height 1, width 7).
# ---------------------------------------------------------------------------


class BasicConv2d(nn.Module):
    def __init__(self, cin, cout, kernel, stride=1, padding=0):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, kernel, stride=stride, padding=padding, bias=False)
        self.bn = nn.BatchNorm2d(cout, eps=0.001, momentum=0.1, affine=True)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


def _avgpool():
    return nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)


class Mixed_3a(nn.Module):  # stem, first filter concat (Figure 3)
    def __init__(self):
        super().__init__()
        self.maxpool = nn.MaxPool2d(3, stride=2)
        self.conv = BasicConv2d(64, 96, 3, stride=2)

    def forward(self, x):
        return torch.cat((self.maxpool(x), self.conv(x)), 1)


class Mixed_4a(nn.Module):  # stem, second filter concat (Figure 3)
    def __init__(self):
        super().__init__()
        self.branch0 = nn.Sequential(BasicConv2d(160, 64, 1), BasicConv2d(64, 96, 3))
        self.branch1 = nn.Sequential(
            BasicConv2d(160, 64, 1),
            BasicConv2d(64, 64, (7, 1), padding=(3, 0)),
            BasicConv2d(64, 64, (1, 7), padding=(0, 3)),
            BasicConv2d(64, 96, 3),
        )

    def forward(self, x):
        return torch.cat((self.branch0(x), self.branch1(x)), 1)


class Mixed_5a(nn.Module):  # stem, third filter concat (Figure 3)
    def __init__(self):
        super().__init__()
        self.conv = BasicConv2d(192, 192, 3, stride=2)
        self.maxpool = nn.MaxPool2d(3, stride=2)

    def forward(self, x):
        return torch.cat((self.conv(x), self.maxpool(x)), 1)


class Inception_A(nn.Module):  # Figure 4, 35x35x384
    def __init__(self):
        super().__init__()
        self.branch0 = BasicConv2d(384, 96, 1)
        self.branch1 = nn.Sequential(BasicConv2d(384, 64, 1), BasicConv2d(64, 96, 3, padding=1))
        self.branch2 = nn.Sequential(
            BasicConv2d(384, 64, 1), BasicConv2d(64, 96, 3, padding=1), BasicConv2d(96, 96, 3, padding=1)
        )
        self.branch3 = nn.Sequential(_avgpool(), BasicConv2d(384, 96, 1))

    def forward(self, x):
        return torch.cat((self.branch0(x), self.branch1(x), self.branch2(x), self.branch3(x)), 1)


class Reduction_A(nn.Module):  # Figure 7 with k=192, l=224, m=256, n=384
    def __init__(self, k=192, l=224, m=256, n=384):
        super().__init__()
        self.branch0 = BasicConv2d(384, n, 3, stride=2)
        self.branch1 = nn.Sequential(
            BasicConv2d(384, k, 1), BasicConv2d(k, l, 3, padding=1), BasicConv2d(l, m, 3, stride=2)
        )
        self.branch2 = nn.MaxPool2d(3, stride=2)

    def forward(self, x):
        return torch.cat((self.branch0(x), self.branch1(x), self.branch2(x)), 1)


class Inception_B(nn.Module):  # Figure 5, 17x17x1024
    def __init__(self):
        super().__init__()
        self.branch0 = BasicConv2d(1024, 384, 1)
        self.branch1 = nn.Sequential(
            BasicConv2d(1024, 192, 1),
            BasicConv2d(192, 224, (1, 7), padding=(0, 3)),
            BasicConv2d(224, 256, (7, 1), padding=(3, 0)),
        )
        self.branch2 = nn.Sequential(
            BasicConv2d(1024, 192, 1),
            BasicConv2d(192, 192, (1, 7), padding=(0, 3)),
            BasicConv2d(192, 224, (7, 1), padding=(3, 0)),
            BasicConv2d(224, 224, (1, 7), padding=(0, 3)),
            BasicConv2d(224, 256, (7, 1), padding=(3, 0)),
        )
        self.branch3 = nn.Sequential(_avgpool(), BasicConv2d(1024, 128, 1))

    def forward(self, x):
        return torch.cat((self.branch0(x), self.branch1(x), self.branch2(x), self.branch3(x)), 1)


class Reduction_B(nn.Module):  # Figure 8
    def __init__(self):
        super().__init__()
        self.branch0 = nn.Sequential(BasicConv2d(1024, 192, 1), BasicConv2d(192, 192, 3, stride=2))
        self.branch1 = nn.Sequential(
            BasicConv2d(1024, 256, 1),
            BasicConv2d(256, 256, (1, 7), padding=(0, 3)),
            BasicConv2d(256, 320, (7, 1), padding=(3, 0)),
            BasicConv2d(320, 320, 3, stride=2),
        )
        self.branch2 = nn.MaxPool2d(3, stride=2)

    def forward(self, x):
        return torch.cat((self.branch0(x), self.branch1(x), self.branch2(x)), 1)


class Inception_C(nn.Module):  # Figure 6, 8x8x1536
    def __init__(self):
        super().__init__()
        self.branch0 = BasicConv2d(1536, 256, 1)
        self.branch1_0 = BasicConv2d(1536, 384, 1)
        self.branch1_1a = BasicConv2d(384, 256, (1, 3), padding=(0, 1))
        self.branch1_1b = BasicConv2d(384, 256, (3, 1), padding=(1, 0))
        self.branch2_0 = BasicConv2d(1536, 384, 1)
        self.branch2_1 = BasicConv2d(384, 448, (1, 3), padding=(0, 1))
        self.branch2_2 = BasicConv2d(448, 512, (3, 1), padding=(1, 0))
        self.branch2_3a = BasicConv2d(512, 256, (1, 3), padding=(0, 1))
        self.branch2_3b = BasicConv2d(512, 256, (3, 1), padding=(1, 0))
        self.branch3 = nn.Sequential(_avgpool(), BasicConv2d(1536, 256, 1))

    def forward(self, x):
        x0 = self.branch0(x)
        x1_0 = self.branch1_0(x)
        x1 = torch.cat((self.branch1_1a(x1_0), self.branch1_1b(x1_0)), 1)
        x2_2 = self.branch2_2(self.branch2_1(self.branch2_0(x)))
        x2 = torch.cat((self.branch2_3a(x2_2), self.branch2_3b(x2_2)), 1)
        x3 = self.branch3(x)
        return torch.cat((x0, x1, x2, x3), 1)


class InceptionV4(nn.Module):  # Figure 9
    def __init__(self, num_classes=1000, dropout=0.2):
        super().__init__()
        self.features = nn.Sequential(
            BasicConv2d(3, 32, 3, stride=2),  # 149x149x32
            BasicConv2d(32, 32, 3),  # 147x147x32
            BasicConv2d(32, 64, 3, padding=1),  # 147x147x64
            Mixed_3a(),  # 73x73x160
            Mixed_4a(),  # 71x71x192
            Mixed_5a(),  # 35x35x384
            *[Inception_A() for _ in range(4)],
            Reduction_A(),  # 17x17x1024
            *[Inception_B() for _ in range(7)],
            Reduction_B(),  # 8x8x1536
            *[Inception_C() for _ in range(3)],
        )
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(p=dropout)  # paper: keep probability 0.8
        self.fc = nn.Linear(1536, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        x = self.dropout(x)
        return self.fc(x)


# ---------------------------------------------------------------------------
# The zoo
# ---------------------------------------------------------------------------

TV = torchvision.models
MODELS: dict[str, dict[str, Any]] = {
    "alexnet": dict(
        build=lambda: TV.alexnet(weights=None),
        call="alexnet(weights=None)",
        input=[1, 3, 224, 224],
        description="AlexNet (Krizhevsky et al. 2012), torchvision's single-tower variant "
        "(Krizhevsky 2014, 'One weird trick')",
        params=61_100_840, macs=714e6,
    ),
    "vgg16": dict(
        build=lambda: TV.vgg16(weights=None),
        call="vgg16(weights=None)",
        input=[1, 3, 224, 224],
        description="VGG-16 (Simonyan and Zisserman 2015), configuration D, no batch norm",
        params=138_357_544, macs=15.47e9,
    ),
    "resnet18": dict(
        build=lambda: TV.resnet18(weights=None),
        call="resnet18(weights=None)",
        input=[1, 3, 224, 224],
        description="ResNet-18 (He et al. 2016), torchvision definition",
        params=11_689_512, macs=1.814e9,
    ),
    "resnet50": dict(
        build=lambda: TV.resnet50(weights=None),
        call="resnet50(weights=None)",
        input=[1, 3, 224, 224],
        description="ResNet-50 (He et al. 2016), torchvision definition (v1.5: stride 2 in the "
        "3x3 convolution of each downsampling bottleneck)",
        params=25_557_032, macs=4.09e9,
    ),
    "googlenet": dict(
        build=lambda: TV.googlenet(weights=None, aux_logits=False, init_weights=False,
                                   transform_input=False),
        call="googlenet(weights=None, aux_logits=False, init_weights=False, transform_input=False)",
        input=[1, 3, 224, 224],
        description="GoogLeNet / Inception-v1 (Szegedy et al. 2015), torchvision definition: "
        "batch norm after every convolution, 3x3 instead of 5x5 in the third branch, "
        "no auxiliary classifiers",
        params=6_624_904, macs=1.5e9,
    ),
    "inception_v3": dict(
        build=lambda: TV.inception_v3(weights=None, aux_logits=False, init_weights=False,
                                      transform_input=False),
        call="inception_v3(weights=None, aux_logits=False, init_weights=False, transform_input=False)",
        input=[1, 3, 299, 299],
        description="Inception-v3 (Szegedy et al. 2016), torchvision definition without the "
        "auxiliary classifier, 299x299 input",
        params=23_834_568, macs=5.71e9,
    ),
    "squeezenet1_0": dict(
        build=lambda: TV.squeezenet1_0(weights=None),
        call="squeezenet1_0(weights=None)",
        input=[1, 3, 224, 224],
        description="SqueezeNet 1.0 (Iandola et al. 2016)",
        params=1_248_424, macs=0.82e9,
    ),
    "mobilenet_v2": dict(
        build=lambda: TV.mobilenet_v2(weights=None),
        call="mobilenet_v2(weights=None)",
        input=[1, 3, 224, 224],
        description="MobileNetV2 (Sandler et al. 2018), width multiplier 1.0",
        params=3_504_872, macs=300e6,
    ),
    "shufflenet_v2_x1_0": dict(
        build=lambda: TV.shufflenet_v2_x1_0(weights=None),
        call="shufflenet_v2_x1_0(weights=None)",
        input=[1, 3, 224, 224],
        description="ShuffleNet V2 1.0x (Ma et al. 2018)",
        params=2_278_604, macs=146e6,
    ),
    "inception_v4": dict(
        build=lambda: InceptionV4(),
        call="InceptionV4()",
        input=[1, 3, 299, 299],
        description="Inception-v4 (Szegedy et al. 2016, arXiv:1602.07261, Figures 3-9): "
        "conv + batch norm (eps 1e-3) + ReLU units as in the Cadene/timm implementation, "
        "299x299 input",
        params=42_679_816, macs=12.3e9,
    ),
}


def build_model(name: str) -> nn.Module:
    """The zoo model `name`, in eval mode, with seeded (random) weights."""
    torch.manual_seed(SEED)
    model = MODELS[name]["build"]()
    model.eval()
    return model


def example_input(name: str) -> torch.Tensor:
    g = torch.Generator().manual_seed(SEED + 1)
    return torch.randn(*MODELS[name]["input"], generator=g)


def source_string(name: str) -> str:
    spec = MODELS[name]
    if name == "inception_v4":
        return (f"InceptionV4() defined in {GENERATOR} (torch {torch.__version__}), "
                f"traced by {GENERATOR}")
    return (f"torchvision {torchvision.__version__} {spec['call']}, traced by {GENERATOR}")


# ---------------------------------------------------------------------------
# Tracing
# ---------------------------------------------------------------------------


class ZooTracer(fx.Tracer):
    """symbolic_trace's tracer, plus:
    - records in node.meta["zoo_scope"] the path of the module whose forward
      created each node (so functional ops get names like "layer1.0.add");
    - keeps torchvision's shufflenetv2.channel_shuffle as one call (it becomes
      a channel_shuffle layer);
    - unpacks proxies (`a, b = x.chunk(2, 1)`) on Python 3.11, where torch
      1.13's bytecode lookup in Proxy.__iter__ misses UNPACK_SEQUENCE."""

    def __init__(self):
        super().__init__(autowrap_functions=(shufflenetv2.channel_shuffle,))
        self.scope: list[str] = []

    def call_module(self, m, forward, args, kwargs):
        self.scope.append(self.path_of_module(m))
        try:
            return super().call_module(m, forward, args, kwargs)
        finally:
            self.scope.pop()

    def create_proxy(self, kind, target, args, kwargs, *rest, **kw):
        proxy = super().create_proxy(kind, target, args, kwargs, *rest, **kw)
        proxy.node.meta["zoo_scope"] = self.scope[-1] if self.scope else ""
        return proxy

    def iter(self, obj):
        frame = inspect.currentframe()
        caller = frame.f_back.f_back  # ZooTracer.iter <- Proxy.__iter__ <- user code
        for inst in dis.get_instructions(caller.f_code):
            if inst.offset == caller.f_lasti and inst.opname == "UNPACK_SEQUENCE":
                return (obj[i] for i in range(inst.argval))
        return super().iter(obj)


def trace(model: nn.Module, x: torch.Tensor) -> fx.GraphModule:
    tracer = ZooTracer()
    graph = tracer.trace(model)
    gm = fx.GraphModule(tracer.root, graph, model.__class__.__name__)
    ShapeProp(gm).propagate(x)
    return gm


# ---------------------------------------------------------------------------
# fx graph -> Tessera network
# ---------------------------------------------------------------------------


class ConversionError(RuntimeError):
    pass


def _pair(v) -> list[int]:
    if isinstance(v, (tuple, list)):
        if len(v) == 1:
            return [int(v[0]), int(v[0])]
        assert len(v) == 2, v
        return [int(v[0]), int(v[1])]
    return [int(v), int(v)]


def _pads(v) -> list[int]:
    h, w = _pair(v)
    return [h, w, h, w]


def _tensor_meta(node: fx.Node):
    return node.meta.get("tensor_meta")


def _shape(node: fx.Node) -> list[int]:
    tm = _tensor_meta(node)
    if tm is None or not hasattr(tm, "shape"):
        raise ConversionError(f"node {node.name} has no single tensor shape")
    return [int(d) for d in tm.shape]


def _is_tensor_node(a) -> bool:
    return isinstance(a, fx.Node) and _tensor_meta(a) is not None


def _bind(fn_params: list[str], defaults: dict, args, kwargs) -> dict:
    """Positional + keyword arguments of a functional call as a dict."""
    out = dict(defaults)
    for i, a in enumerate(args):
        out[fn_params[i]] = a
    for k, v in kwargs.items():
        if k not in fn_params:
            raise ConversionError(f"unexpected keyword {k}")
        out[k] = v
    return out


ACT_MODULES = {
    nn.ReLU: "relu", nn.ReLU6: "relu6", nn.Sigmoid: "sigmoid", nn.Tanh: "tanh",
    nn.Hardswish: "hardswish", nn.Hardsigmoid: "hardsigmoid", nn.SiLU: "silu", nn.GELU: "gelu",
}
ACT_FUNCS = {
    F.relu: "relu", torch.relu: "relu", F.relu6: "relu6", torch.sigmoid: "sigmoid",
    F.sigmoid: "sigmoid", torch.tanh: "tanh", F.tanh: "tanh", F.hardswish: "hardswish",
    F.hardsigmoid: "hardsigmoid", F.silu: "silu", F.gelu: "gelu",
}
ACT_METHODS = {"relu": "relu", "sigmoid": "sigmoid", "tanh": "tanh",
               "relu_": "relu", "sigmoid_": "sigmoid", "tanh_": "tanh"}
BINARY_FUNCS = {
    operator.add: "add", operator.iadd: "add", torch.add: "add",
    operator.sub: "sub", operator.isub: "sub", torch.sub: "sub",
    operator.mul: "mul", operator.imul: "mul", torch.mul: "mul",
    operator.truediv: "div", operator.itruediv: "div", torch.div: "div",
}
BINARY_METHODS = {"add": "add", "add_": "add", "sub": "sub", "sub_": "sub",
                  "mul": "mul", "mul_": "mul", "div": "div", "div_": "div"}
# Nodes that compute shapes / ints, not tensors (resolved away).
SHAPE_METHODS = {"size", "dim"}


def _fn_name(target) -> str:
    name = getattr(target, "__name__", str(target)).strip("_")
    return {"iadd": "add", "isub": "sub", "imul": "mul", "itruediv": "div", "truediv": "div"}.get(name, name)


class Converter:
    """Walks a shape-propagated fx graph and emits Tessera layers.

    self.layers: the layer dicts (JSON-ready), in graph order.
    self.ref:    layer name -> (fx node whose value is the layer's output or
                 None, optional function computing the layer's output from
                 the node's input values (for layers the conversion adds), the
                 torch-side description of the operation)."""

    def __init__(self, gm: fx.GraphModule, input_name: str = "input"):
        self.gm = gm
        self.modules = dict(gm.named_modules())
        self.input_name = input_name
        self.layers: list[dict] = []
        self.tensor: dict[fx.Node, Any] = {}  # node -> tensor name | list of names (split)
        self.inputs: list[dict] = []
        self.outputs: list[str] = []
        self.ref: dict[str, tuple] = {}
        self.used_names: set[str] = {input_name}
        self.node_name: dict[fx.Node, str] = {}

    # -- names ------------------------------------------------------------
    def _unique(self, base: str) -> str:
        name, i = base, 0
        while name in self.used_names:
            i += 1
            name = f"{base}_{i}"
        self.used_names.add(name)
        return name

    def _assign_names(self):
        # Module calls first, so module paths keep their exact names; a module
        # called twice (ResNet's relu) gets "_1", "_2" on later calls.
        for n in self.gm.graph.nodes:
            if n.op == "call_module":
                self.node_name[n] = self._unique(str(n.target))
        for n in self.gm.graph.nodes:
            if n.op in ("call_function", "call_method") and _is_tensor_node(n):
                base = n.target if n.op == "call_method" else _fn_name(n.target)
                base = base.rstrip("_")
                scope = n.meta.get("zoo_scope", "")
                self.node_name[n] = f"{scope}.{base}" if scope else base

    def _name(self, n: fx.Node) -> str:
        name = self.node_name[n]
        if n.op != "call_module":
            name = self._unique(name)
        return name

    # -- helpers ------------------------------------------------------------
    def t(self, a) -> str:
        if not _is_tensor_node(a) or a not in self.tensor:
            raise ConversionError(f"expected a tensor argument, got {a!r}")
        v = self.tensor[a]
        if isinstance(v, list):
            raise ConversionError(f"{a.name} is a tuple of tensors; expected one tensor")
        return v

    def emit(self, node: fx.Node, op: str, inputs: list, torch_desc: str, *, name: str | None = None,
             outputs: list[str] | None = None, ref_fn: Callable | None = None, **attrs) -> str:
        name = name or self._name(node)
        layer = {"name": name, "op": op, "inputs": [self.t(a) if isinstance(a, fx.Node) else a
                                                    for a in inputs]}
        if outputs is not None:
            layer["outputs"] = outputs
        layer.update(attrs)
        self.layers.append(layer)
        self.ref[name] = (node, ref_fn, torch_desc)
        if outputs is None:
            self.tensor[node] = name
        return name

    def alias(self, node: fx.Node, src):
        self.tensor[node] = self.tensor[src] if isinstance(src, fx.Node) else src

    # -- conversion -----------------------------------------------------------
    def run(self):
        self._assign_names()
        for n in self.gm.graph.nodes:
            if n.op == "placeholder":
                if self.inputs:
                    raise ConversionError("more than one network input")
                self.inputs.append({"name": self.input_name, "shape": _shape(n)})
                self.tensor[n] = self.input_name
            elif n.op == "output":
                outs = n.args[0]
                outs = list(outs) if isinstance(outs, (tuple, list)) else [outs]
                self.outputs = [self.t(o) for o in outs]
            elif n.op == "get_attr":
                raise ConversionError(f"constant tensor {n.target} (get_attr) is not supported")
            elif not _is_tensor_node(n):
                self._shape_arithmetic(n)
            elif n.op == "call_module":
                self._module(n, self.modules[n.target])
            elif n.op == "call_function":
                self._function(n)
            elif n.op == "call_method":
                self._method(n)
            else:
                raise ConversionError(f"unhandled fx node {n.op} {n.target}")
        return self

    def _shape_arithmetic(self, n: fx.Node):
        """Non-tensor values (x.size(), getitem on sizes, int arithmetic) only
        feed shape arguments; they leave no layer. Anything else fails."""
        if n.op == "call_method" and n.target in SHAPE_METHODS:
            return
        if n.op == "call_function" and n.target is getattr and n.args[1] in ("shape",):
            return
        tensor_args = [a for a in n.all_input_nodes if _is_tensor_node(a)]
        if tensor_args:
            raise ConversionError(f"node {n.name} ({n.op} {n.target}) takes tensors but yields no tensor")

    def _module(self, n: fx.Node, m: nn.Module):
        x = n.args[0] if n.args else None
        if len(n.args) != 1 or n.kwargs:
            raise ConversionError(f"module {n.target} called with {len(n.args)} args / kwargs")
        kind = type(m).__name__
        if isinstance(m, nn.Conv2d):
            if m.padding_mode != "zeros":
                raise ConversionError(f"{n.target}: padding_mode {m.padding_mode}")
            if isinstance(m.padding, str):
                if m.padding == "valid":
                    pads = [0, 0, 0, 0]
                else:  # 'same' (stride 1): extra padding goes to the bottom / right
                    th = m.dilation[0] * (m.kernel_size[0] - 1)
                    tw = m.dilation[1] * (m.kernel_size[1] - 1)
                    pads = [th // 2, tw // 2, th - th // 2, tw - tw // 2]
            else:
                pads = _pads(m.padding)
            attrs = dict(out_channels=m.out_channels, kernel=_pair(m.kernel_size),
                         stride=_pair(m.stride), padding=pads)
            if _pair(m.dilation) != [1, 1]:
                attrs["dilation"] = _pair(m.dilation)
            if m.groups != 1:
                attrs["groups"] = m.groups
            attrs["bias"] = m.bias is not None
            self.emit(n, "conv", [x], kind, **attrs)
        elif isinstance(m, nn.Linear):
            self.emit(n, "linear", [x], kind, out_features=m.out_features, bias=m.bias is not None)
        elif isinstance(m, nn.BatchNorm2d):
            if not m.affine or not m.track_running_stats:
                raise ConversionError(f"{n.target}: batch norm without affine or running stats")
            self.emit(n, "batchnorm", [x], kind, eps=float(m.eps))
        elif type(m) in ACT_MODULES:
            self.emit(n, ACT_MODULES[type(m)], [x], kind)
        elif isinstance(m, nn.LeakyReLU):
            self.emit(n, "leaky_relu", [x], kind, alpha=float(m.negative_slope))
        elif isinstance(m, nn.ELU):
            self.emit(n, "elu", [x], kind, alpha=float(m.alpha))
        elif isinstance(m, nn.Hardtanh):  # (ReLU6 is handled above)
            self.emit(n, "clip", [x], kind, min=float(m.min_val), max=float(m.max_val))
        elif isinstance(m, nn.MaxPool2d):
            if m.return_indices:
                raise ConversionError(f"{n.target}: return_indices")
            self._maxpool(n, x, kind, m.kernel_size, m.stride, m.padding, m.dilation, m.ceil_mode)
        elif isinstance(m, nn.AvgPool2d):
            if m.divisor_override is not None:
                raise ConversionError(f"{n.target}: divisor_override")
            self._avgpool(n, x, kind, m.kernel_size, m.stride, m.padding, m.ceil_mode,
                          m.count_include_pad)
        elif isinstance(m, nn.AdaptiveAvgPool2d):
            self._adaptive_avgpool(n, x, kind)
        elif isinstance(m, nn.AdaptiveMaxPool2d):
            if _shape(n)[2:] != [1, 1]:
                raise ConversionError(f"{n.target}: adaptive max pool to {_shape(n)[2:]}")
            self.emit(n, "global_maxpool", [x], kind)
        elif isinstance(m, (nn.Dropout, nn.Dropout2d)):
            self.emit(n, "dropout", [x], kind)
        elif isinstance(m, nn.Flatten):
            self._flatten(n, x, kind, m.start_dim, m.end_dim)
        elif isinstance(m, nn.LocalResponseNorm):
            self.emit(n, "lrn", [x], kind, size=int(m.size), alpha=float(m.alpha),
                      beta=float(m.beta), k=float(m.k))
        elif isinstance(m, nn.Softmax):
            self.emit(n, "softmax", [x], kind, axis=self._axis(x, m.dim))
        elif isinstance(m, nn.Identity):
            self.alias(n, x)
        else:
            raise ConversionError(f"module {n.target} of type {kind} has no Tessera mapping")

    def _maxpool(self, n, x, desc, kernel, stride, padding, dilation, ceil_mode):
        kernel = _pair(kernel)
        stride = _pair(stride) if stride not in (None, [], ()) else kernel
        attrs = dict(kernel=kernel, stride=stride, padding=_pads(padding))
        if _pair(dilation) != [1, 1]:
            attrs["dilation"] = _pair(dilation)
        attrs["ceil_mode"] = bool(ceil_mode)
        self.emit(n, "maxpool", [x], desc, **attrs)

    def _avgpool(self, n, x, desc, kernel, stride, padding, ceil_mode, count_include_pad):
        kernel = _pair(kernel)
        stride = _pair(stride) if stride not in (None, [], ()) else kernel
        self.emit(n, "avgpool", [x], desc, kernel=kernel, stride=stride, padding=_pads(padding),
                  ceil_mode=bool(ceil_mode), count_include_pad=bool(count_include_pad))

    def _adaptive_avgpool(self, n, x, desc):
        out_hw = _shape(n)[2:]
        if out_hw == [1, 1]:
            self.emit(n, "global_avgpool", [x], desc)
        else:
            self.emit(n, "adaptive_avgpool", [x], desc, output_size=out_hw)

    def _axis(self, x: fx.Node, dim: int) -> int:
        rank = len(_shape(x))
        if not -rank <= dim < rank:
            raise ConversionError(f"axis {dim} out of range for rank {rank}")
        return dim % rank

    def _flatten(self, n, x, desc, start_dim, end_dim):
        rank = len(_shape(x))
        start, end = start_dim % rank, end_dim % rank
        if start >= 1 and end == rank - 1:
            self.emit(n, "flatten", [x], desc, axis=start)
        else:  # not expressible as Tessera's flatten: the concrete reshape
            self.emit(n, "reshape", [x], desc, shape=_shape(n))

    def _binary(self, n, op, a, b, desc):
        if not (_is_tensor_node(a) and _is_tensor_node(b)):
            raise ConversionError(f"{n.name}: {op} with a non-tensor operand ({a!r}, {b!r})")
        self.emit(n, op, [a, b], desc)

    def _split(self, n, x, dim, desc):
        metas = _tensor_meta(n)
        if not isinstance(metas, (tuple, list)):
            raise ConversionError(f"{n.name}: split without a tuple result")
        axis = self._axis(x, dim)
        sizes = [int(m.shape[axis]) for m in metas]
        name = self._name(n)
        outs = [f"{name}:{i}" for i in range(len(sizes))]
        for o in outs:
            if o in self.used_names:
                raise ConversionError(f"tensor name {o} taken")
            self.used_names.add(o)
        self.emit(n, "split", [x], desc, name=name, outputs=outs, axis=axis, sizes=sizes)
        self.tensor[n] = outs

    def _getitem(self, n, src, idx):
        if src in self.tensor and isinstance(self.tensor[src], list) and isinstance(idx, int):
            self.tensor[n] = self.tensor[src][idx]
        else:
            raise ConversionError(f"{n.name}: getitem {idx!r} on {src!r} (tensor slicing) is not mapped")

    def _mean(self, n, x, dims, keepdim, desc):
        rank = len(_shape(x))
        dims = sorted(d % rank for d in ([dims] if isinstance(dims, int) else dims))
        if rank != 4 or dims != [2, 3]:
            raise ConversionError(f"{n.name}: mean over {dims} of a rank-{rank} tensor")
        if keepdim:
            self.emit(n, "global_avgpool", [x], desc)
        else:  # global_avgpool to N x C x 1 x 1, then flatten to N x C (the node's value)
            name = self._name(n)
            pool = self._unique(f"{name}.pool")
            self.emit(n, "global_avgpool", [x], desc, name=pool,
                      ref_fn=lambda t, *a, **k: F.adaptive_avg_pool2d(t, 1))
            self.layers.append({"name": name, "op": "flatten", "inputs": [pool], "axis": 1})
            self.ref[name] = (n, None, desc)
            self.tensor[n] = name
            return
        self.tensor[n] = self.layers[-1]["name"]

    def _function(self, n: fx.Node):
        f, args, kw = n.target, n.args, n.kwargs
        desc = f"{getattr(f, '__module__', '') or ''}.{getattr(f, '__name__', f)}".lstrip(".")
        fname = getattr(f, "__name__", "")
        if f is operator.getitem:
            return self._getitem(n, args[0], args[1])
        if f in ACT_FUNCS:
            p = _bind(["input", "inplace"], {}, args, kw)
            return self.emit(n, ACT_FUNCS[f], [p["input"]], desc)
        if f is F.leaky_relu:
            p = _bind(["input", "negative_slope", "inplace"], {"negative_slope": 0.01}, args, kw)
            return self.emit(n, "leaky_relu", [p["input"]], desc, alpha=float(p["negative_slope"]))
        if f is F.hardtanh:
            p = _bind(["input", "min_val", "max_val", "inplace"], {"min_val": -1.0, "max_val": 1.0}, args, kw)
            return self.emit(n, "clip", [p["input"]], desc, min=float(p["min_val"]), max=float(p["max_val"]))
        if f in BINARY_FUNCS:
            if set(kw) - {"alpha"} or kw.get("alpha", 1) != 1 or len(args) != 2:
                raise ConversionError(f"{n.name}: {fname} with {args} {kw}")
            return self._binary(n, BINARY_FUNCS[f], args[0], args[1], desc)
        if f is torch.cat or f is torch.concat:
            p = _bind(["tensors", "dim"], {"dim": 0}, args, kw)
            tensors = list(p["tensors"])
            return self.emit(n, "concat", tensors, desc, axis=self._axis(tensors[0], p["dim"]))
        if f is torch.flatten:
            p = _bind(["input", "start_dim", "end_dim"], {"start_dim": 0, "end_dim": -1}, args, kw)
            return self._flatten(n, p["input"], desc, p["start_dim"], p["end_dim"])
        if f is shufflenetv2.channel_shuffle:
            p = _bind(["x", "groups"], {}, args, kw)
            return self.emit(n, "channel_shuffle", [p["x"]], desc, groups=int(p["groups"]))
        if fname in ("max_pool2d", "_max_pool2d") and f in (F.max_pool2d, torch.max_pool2d):
            p = _bind(["input", "kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"],
                      {"stride": None, "padding": 0, "dilation": 1, "ceil_mode": False,
                       "return_indices": False}, args, kw)
            if p["return_indices"]:
                raise ConversionError(f"{n.name}: return_indices")
            return self._maxpool(n, p["input"], desc, p["kernel_size"], p["stride"], p["padding"],
                                 p["dilation"], p["ceil_mode"])
        if f in (F.avg_pool2d, torch._C._nn.avg_pool2d):
            p = _bind(["input", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad",
                       "divisor_override"],
                      {"stride": None, "padding": 0, "ceil_mode": False, "count_include_pad": True,
                       "divisor_override": None}, args, kw)
            if p["divisor_override"] is not None:
                raise ConversionError(f"{n.name}: divisor_override")
            return self._avgpool(n, p["input"], desc, p["kernel_size"], p["stride"], p["padding"],
                                 p["ceil_mode"], p["count_include_pad"])
        if f is F.adaptive_avg_pool2d:
            return self._adaptive_avgpool(n, args[0], desc)
        if f in (F.dropout, F.dropout2d):
            return self.emit(n, "dropout", [args[0]], desc)
        if f is F.softmax or f is torch.softmax:
            p = _bind(["input", "dim", "_stacklevel", "dtype"], {"dim": None}, args, kw)
            return self.emit(n, "softmax", [p["input"]], desc, axis=self._axis(p["input"], p["dim"]))
        if f is torch.reshape:
            return self.emit(n, "reshape", [args[0]], desc, shape=_shape(n))
        if f is torch.transpose:
            return self._transpose(n, args[0], args[1], args[2], desc)
        if f is torch.permute:
            return self._permute(n, args[0], list(args[1]), desc)
        if f is torch.chunk or f is torch.split:
            dim = kw.get("dim", args[2] if len(args) > 2 else 0)
            return self._split(n, args[0], dim, desc)
        if f is torch.mean:
            p = _bind(["input", "dim", "keepdim"], {"keepdim": False}, args, kw)
            return self._mean(n, p["input"], p["dim"], p["keepdim"], desc)
        raise ConversionError(f"function {desc} (node {n.name}) has no Tessera mapping")

    def _transpose(self, n, x, d0, d1, desc):
        rank = len(_shape(x))
        perm = list(range(rank))
        a, b = d0 % rank, d1 % rank
        perm[a], perm[b] = perm[b], perm[a]
        self.emit(n, "transpose", [x], desc, perm=perm)

    def _permute(self, n, x, perm, desc):
        rank = len(_shape(x))
        self.emit(n, "transpose", [x], desc, perm=[p % rank for p in perm])

    def _method(self, n: fx.Node):
        m, args, kw = n.target, n.args, n.kwargs
        x = args[0]
        desc = f"Tensor.{m}"
        if m in ACT_METHODS:
            return self.emit(n, ACT_METHODS[m], [x], desc)
        if m in BINARY_METHODS:
            if kw or len(args) != 2:
                raise ConversionError(f"{n.name}: {m} with {args} {kw}")
            return self._binary(n, BINARY_METHODS[m], x, args[1], desc)
        if m in ("view", "reshape"):
            return self.emit(n, "reshape", [x], desc, shape=_shape(n))
        if m == "flatten":
            p = _bind(["self", "start_dim", "end_dim"], {"start_dim": 0, "end_dim": -1}, args, kw)
            return self._flatten(n, x, desc, p["start_dim"], p["end_dim"])
        if m == "transpose":
            return self._transpose(n, x, args[1], args[2], desc)
        if m == "permute":
            perm = list(args[1]) if len(args) == 2 and isinstance(args[1], (list, tuple)) else list(args[1:])
            return self._permute(n, x, perm, desc)
        if m == "contiguous":
            return self.alias(n, x)
        if m in ("chunk", "split"):
            dim = kw.get("dim", args[2] if len(args) > 2 else 0)
            return self._split(n, x, dim, desc)
        if m == "mean":
            p = _bind(["self", "dim", "keepdim"], {"keepdim": False}, args, kw)
            return self._mean(n, x, p["dim"], p["keepdim"], desc)
        raise ConversionError(f"method Tensor.{m} (node {n.name}) has no Tessera mapping")


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _dumps(obj) -> str:
    return json.dumps(obj, separators=(", ", ": "))


def write_network(path: Path, name: str, conv: Converter):
    head = [
        ("format", "tessera-network"), ("schema_version", 1), ("name", name),
        ("description", MODELS[name]["description"]), ("source", source_string(name)),
    ]
    lines = ["{"]
    lines += [f" {_dumps(k)}: {_dumps(v)}," for k, v in head]
    lines.append(f' "inputs": {_dumps(conv.inputs)},')
    lines.append(' "layers": [')
    lines.append(",\n".join(f"  {_dumps(layer)}" for layer in conv.layers))
    lines.append(" ],")
    lines.append(f' "outputs": {_dumps(conv.outputs)}')
    lines.append("}")
    path.write_text("\n".join(lines) + "\n")


def write_reference(path: Path, ref: dict):
    lines = ["{"]
    for k, v in ref.items():
        if k == "layers":
            lines.append(' "layers": {')
            lines.append(",\n".join(f"  {_dumps(ln)}: {_dumps(lv)}" for ln, lv in v.items()) + "")
            lines.append(" },")
        else:
            lines.append(f" {_dumps(k)}: {_dumps(v)},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# Reference numbers, from torch
# ---------------------------------------------------------------------------


def conv_linear_stats(model: nn.Module, x: torch.Tensor) -> tuple[dict, torch.Tensor]:
    """Forward hooks on every Conv2d and Linear of the real model during a
    real forward pass: shapes, kernel, stride, groups, MACs, parameters."""
    stats: dict[str, dict] = {}
    handles = []

    def hook(name):
        def f(mod, inputs, out):
            if name in stats:
                raise RuntimeError(f"{name} called twice")
            inp = inputs[0]
            params = sum(p.numel() for p in mod.parameters(recurse=False))
            if isinstance(mod, nn.Conv2d):
                kh, kw = mod.kernel_size
                macs = out.numel() * (mod.in_channels // mod.groups) * kh * kw
                stats[name] = dict(op="conv", input_shape=list(inp.shape), output_shape=list(out.shape),
                                   kernel=[kh, kw], stride=list(mod.stride), groups=mod.groups,
                                   macs=macs, params=params)
            else:
                macs = (out.numel() // mod.out_features) * mod.in_features * mod.out_features
                stats[name] = dict(op="linear", input_shape=list(inp.shape), output_shape=list(out.shape),
                                   in_features=mod.in_features, out_features=mod.out_features,
                                   macs=macs, params=params)
        return f

    for name, mod in model.named_modules():
        if isinstance(mod, (nn.Conv2d, nn.Linear)):
            handles.append(mod.register_forward_hook(hook(name)))
    with torch.no_grad():
        out = model(x)
    for h in handles:
        h.remove()
    missing = [n for n, m in model.named_modules() if isinstance(m, (nn.Conv2d, nn.Linear)) and n not in stats]
    if missing:
        raise RuntimeError(f"modules never called: {missing}")
    return stats, out


class Recorder(fx.Interpreter):
    """Runs the traced graph on a real input, keeping each node's output shape
    (and, for layers the conversion adds, the shape of that layer's output)."""

    def __init__(self, gm, extra: dict[str, list]):
        super().__init__(gm)
        self.shapes: dict[str, Any] = {}
        self.extra = extra
        self.extra_shapes: dict[str, list[int]] = {}

    def run_node(self, n):
        out = super().run_node(n)
        if isinstance(out, torch.Tensor):
            self.shapes[n.name] = list(out.shape)
        elif isinstance(out, (tuple, list)) and out and all(isinstance(o, torch.Tensor) for o in out):
            self.shapes[n.name] = [list(o.shape) for o in out]
        for layer, fn in self.extra.get(n.name, []):
            args, kwargs = self.fetch_args_kwargs_from_env(n)
            self.extra_shapes[layer] = list(fn(*args, **kwargs).shape)
        return out


def reference(name: str, model: nn.Module, gm: fx.GraphModule, conv: Converter, x: torch.Tensor) -> dict:
    stats, out_model = conv_linear_stats(model, x)
    extra: dict[str, list] = {}
    for lname, (node, fn, _) in conv.ref.items():
        if fn is not None:
            extra.setdefault(node.name, []).append((lname, fn))
    rec = Recorder(gm, extra)
    with torch.no_grad():
        out_gm = rec.run(x)
    if not torch.equal(out_model, out_gm):
        raise RuntimeError(f"{name}: traced graph output differs from the model's")

    modules = dict(model.named_modules())
    layers: dict[str, dict] = {}
    for layer in conv.layers:
        lname = layer["name"]
        node, fn, desc = conv.ref[lname]
        entry: dict[str, Any] = {"op": layer["op"], "torch": desc}
        shape = rec.extra_shapes[lname] if fn is not None else rec.shapes[node.name]
        if layer["op"] == "split":
            entry["output_shapes"] = shape
        else:
            entry["output_shape"] = shape
        if lname in stats:
            s = stats[lname]
            entry.update({k: v for k, v in s.items() if k not in ("op", "output_shape")})
            if s["output_shape"] != shape:
                raise RuntimeError(f"{name}/{lname}: hook shape {s['output_shape']} vs graph {shape}")
        else:
            entry["macs"] = 0
            p = 0
            if node.op == "call_module" and str(node.target) == lname:  # first call of the module
                p = sum(q.numel() for q in modules[node.target].parameters())
            entry["params"] = p
        layers[lname] = entry

    total_params = sum(p.numel() for p in model.parameters())
    layer_params = sum(v["params"] for v in layers.values())
    if layer_params != total_params:
        raise RuntimeError(f"{name}: per-layer params {layer_params} != model params {total_params}")
    convs = [s for s in stats.values() if s["op"] == "conv"]
    linears = [s for s in stats.values() if s["op"] == "linear"]
    totals = {"macs": sum(s["macs"] for s in stats.values()), "params": total_params,
              "conv_layers": len(convs), "linear_layers": len(linears),
              "conv_macs": sum(s["macs"] for s in convs), "linear_macs": sum(s["macs"] for s in linears)}
    return {
        "name": name,
        "input_shape": list(x.shape),
        "output_shape": list(out_model.shape),
        "totals": totals,
        "layers": layers,
        "generator": GENERATOR,
        "torch_version": torch.__version__,
        "torchvision_version": torchvision.__version__,
    }


# ---------------------------------------------------------------------------
# Check of a written network file against the reference: reads only the JSON,
# applies the rules of docs/network-format.md (names, attributes, shape
# formulas, metric conventions) and compares every layer's shape and the
# totals with what torch recorded.
# ---------------------------------------------------------------------------

_POOL = {"kernel", "stride", "padding", "dilation", "ceil_mode", "count_include_pad"}
ATTRS = {
    "conv": {"out_channels", "kernel", "stride", "padding", "dilation", "groups", "bias"},
    "linear": {"out_features", "bias"}, "matmul": set(),
    "maxpool": _POOL, "avgpool": _POOL, "global_avgpool": set(), "global_maxpool": set(),
    "adaptive_avgpool": {"output_size"}, "batchnorm": {"eps"},
    **{a: set() for a in ("relu", "relu6", "sigmoid", "tanh", "hardswish", "hardsigmoid", "silu", "gelu")},
    "leaky_relu": {"alpha"}, "elu": {"alpha"}, "clip": {"min", "max"},
    **{a: set() for a in ("add", "sub", "mul", "div")},
    "concat": {"axis"}, "split": {"axis", "sizes"}, "slice": {"axis", "start", "end", "step"},
    "reshape": {"shape"}, "flatten": {"axis"}, "transpose": {"perm"}, "channel_shuffle": {"groups"},
    "softmax": {"axis"}, "lrn": {"size", "alpha", "beta", "k"}, "pad": {"pads"},
    "dropout": set(), "identity": set(),
}


def _p2(v, default):
    v = default if v is None else v
    return [v, v] if isinstance(v, int) else list(v)


def _p4(v):
    v = 0 if v is None else v
    if isinstance(v, int):
        return [v] * 4
    return [v[0], v[1], v[0], v[1]] if len(v) == 2 else list(v)


def _pool_out(size, k, s, pb, pe, d, ceil):
    num = size + pb + pe - d * (k - 1) - 1
    out = (-(-num // s) if ceil else num // s) + 1
    if ceil and (out - 1) * s >= size + pb:  # the last window must start inside the input
        out -= 1
    return out


def verify_network(path: Path, ref: dict):
    net = json.loads(path.read_text())
    keys = ["format", "schema_version", "name", "description", "source", "inputs", "layers", "outputs"]
    assert list(net) == keys, list(net)
    assert net["format"] == "tessera-network" and net["schema_version"] == 1
    shapes: dict[str, list[int]] = {i["name"]: list(i["shape"]) for i in net["inputs"]}
    names = set()
    macs = params = 0
    for L in net["layers"]:  # written in topological order
        name, op, ins = L["name"], L["op"], L["inputs"]
        assert name not in names, f"duplicate layer {name}"
        names.add(name)
        extra = set(L) - {"name", "op", "inputs", "outputs"} - ATTRS[op]
        assert not extra, f"{name}: unknown attributes {extra}"
        x = [shapes[t] for t in ins]  # KeyError: unknown tensor / not yet written
        a = x[0]
        outs = None
        if op == "conv":
            k, s = _p2(L["kernel"], 1), _p2(L.get("stride"), 1)
            d, p, g = _p2(L.get("dilation"), 1), _p4(L.get("padding")), L.get("groups", 1)
            assert a[1] % g == 0 and L["out_channels"] % g == 0
            hw = [_pool_out(a[2 + i], k[i], s[i], p[i], p[i + 2], d[i], False) for i in range(2)]
            out = [a[0], L["out_channels"], *hw]
            n_w = L["out_channels"] * (a[1] // g) * k[0] * k[1]
            macs += math.prod(out) * (a[1] // g) * k[0] * k[1]
            params += n_w + (L["out_channels"] if L.get("bias", False) else 0)
        elif op == "linear":
            out = a[:-1] + [L["out_features"]]
            macs += math.prod(out) * a[-1]
            params += a[-1] * L["out_features"] + (L["out_features"] if L.get("bias", True) else 0)
        elif op in ("maxpool", "avgpool"):
            k = _p2(L["kernel"], 1)
            s, d, p = _p2(L.get("stride"), None) if L.get("stride") else k, _p2(L.get("dilation"), 1), _p4(L.get("padding"))
            out = a[:2] + [_pool_out(a[2 + i], k[i], s[i], p[i], p[i + 2], d[i], L.get("ceil_mode", False))
                           for i in range(2)]
        elif op in ("global_avgpool", "global_maxpool"):
            out = a[:2] + [1, 1]
        elif op == "adaptive_avgpool":
            out = a[:2] + _p2(L["output_size"], 1)
        elif op == "batchnorm":
            out = a
            params += 2 * a[1]
        elif op in ("add", "sub", "mul", "div"):
            assert x[0] == x[1], f"{name}: {x}"  # (no broadcasting in the zoo)
            out = a
        elif op == "concat":
            ax = L.get("axis", 1)
            assert all(len(t) == len(a) and t[:ax] + t[ax + 1:] == a[:ax] + a[ax + 1:] for t in x)
            out = a[:ax] + [sum(t[ax] for t in x)] + a[ax + 1:]
        elif op == "split":
            ax = L.get("axis", 1)
            assert sum(L["sizes"]) == a[ax] and len(L["outputs"]) == len(L["sizes"])
            outs = [a[:ax] + [n] + a[ax + 1:] for n in L["sizes"]]
        elif op == "flatten":
            ax = L.get("axis", 1)
            out = a[:ax] + [math.prod(a[ax:])]
        elif op == "reshape":
            out = list(L["shape"])
            assert math.prod(out) == math.prod(a) and 0 not in out and -1 not in out
        elif op == "transpose":
            out = [a[i] for i in L["perm"]]
        elif op == "channel_shuffle":
            assert a[1] % L["groups"] == 0
            out = a
        elif op == "lrn":
            out = a
        else:
            assert op in ATTRS and len(ins) == 1, f"{name}: {op} not checked"
            out = a
        if outs is None:
            outs = [out]
        tensors = L.get("outputs", [name])
        for t, sh in zip(tensors, outs):
            assert t not in shapes, f"tensor {t} written twice"
            shapes[t] = sh
        r = ref["layers"][name]
        got = outs if op == "split" else outs[0]
        want = r["output_shapes"] if op == "split" else r["output_shape"]
        assert got == want, f"{path.name}/{name}: shape {got} from the JSON, torch {want}"
    assert set(ref["layers"]) == names, set(ref["layers"]) ^ names
    for t in net["outputs"]:
        assert shapes[t] == ref["output_shape"], (t, shapes[t])
    assert macs == ref["totals"]["macs"], (macs, ref["totals"]["macs"])
    assert params == ref["totals"]["params"], (params, ref["totals"]["params"])


def sanity_check(name: str, totals: dict):
    spec = MODELS[name]
    if totals["params"] != spec["params"]:
        raise RuntimeError(f"{name}: params {totals['params']:,} != published {spec['params']:,}")
    rel = abs(totals["macs"] - spec["macs"]) / spec["macs"]
    if rel > 0.02:
        raise RuntimeError(f"{name}: MACs {totals['macs']:,} differ {rel:.1%} from ~{spec['macs']:,.0f}")


def convert(name: str) -> tuple[nn.Module, fx.GraphModule, Converter, torch.Tensor]:
    model = build_model(name)
    x = example_input(name)
    gm = trace(model, x)
    conv = Converter(gm).run()
    return model, gm, conv, x


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models", nargs="*", help=f"subset of: {', '.join(MODELS)}")
    ap.add_argument("--zoo-dir", type=Path, default=ZOO_DIR)
    ap.add_argument("--ref-dir", type=Path, default=REF_DIR)
    args = ap.parse_args(argv)
    names = args.models or list(MODELS)
    for n in names:
        if n not in MODELS:
            ap.error(f"unknown model {n}")
    torch.set_num_threads(max(1, torch.get_num_threads()))
    args.zoo_dir.mkdir(parents=True, exist_ok=True)
    args.ref_dir.mkdir(parents=True, exist_ok=True)
    t_all = time.perf_counter()
    for name in names:
        t0 = time.perf_counter()
        model, gm, conv, x = convert(name)
        ref = reference(name, model, gm, conv, x)
        sanity_check(name, ref["totals"])
        write_network(args.zoo_dir / f"{name}.json", name, conv)
        write_reference(args.ref_dir / f"{name}.json", ref)
        verify_network(args.zoo_dir / f"{name}.json", json.loads((args.ref_dir / f"{name}.json").read_text()))
        t = ref["totals"]
        ops = sorted({layer["op"] for layer in conv.layers})
        print(f"{name:20s} layers {len(conv.layers):4d}  MACs {t['macs']:>15,}  params {t['params']:>12,}"
              f"  ({time.perf_counter() - t0:.1f} s)  ops: {' '.join(ops)}", flush=True)
    print(f"total {time.perf_counter() - t_all:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
