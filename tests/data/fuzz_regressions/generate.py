#!/usr/bin/python3
"""Writes the ONNX files of tests/data/fuzz_regressions/: inputs that crashed
the importer (SIGSEGV inside ONNX's own shape inference, reached through the
fallback for operators the importer does not map), as reported in the
hostile-inputs issue. Each must now import without crashing: the node is
reported as unsupported, the rest of the network stays.

    /usr/bin/python3 tests/data/fuzz_regressions/generate.py

Uses onnx.helper only; deterministic; no onnx.checker (each model breaks a rule).
"""

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = Path(__file__).resolve().parent


def model(nodes, inputs, outputs, initializers=(), opset=13):
    g = helper.make_graph(nodes, "regression", inputs, outputs, list(initializers))
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)], producer_name="generate.py")


def vi(name, dims, elem=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem, dims)


def conv_then(node, extra_inits=()):
    """A real convolution, then the hostile node on its output."""
    w = numpy_helper.from_array(np.zeros((4, 3, 3, 3), dtype=np.float32), "w")
    conv = helper.make_node("Conv", ["x", "w"], ["c"], name="conv", kernel_shape=[3, 3], pads=[1, 1, 1, 1])
    return model([conv, node], [vi("x", [1, 3, 8, 8])], [vi("y", None)], [w, *extra_inits])


def main():
    files = {}
    # Scan without its required 'body' graph attribute.
    files["scan_without_body.onnx"] = conv_then(helper.make_node("Scan", ["c"], ["y"], name="scan", num_scan_inputs=1))
    # ConvTranspose whose weight is rank 0, and rank 1.
    files["convtranspose_weight_rank0.onnx"] = conv_then(
        helper.make_node("ConvTranspose", ["c", "wt"], ["y"], name="deconv"),
        [numpy_helper.from_array(np.array(1.0, dtype=np.float32), "wt")])
    files["convtranspose_weight_rank1.onnx"] = conv_then(
        helper.make_node("ConvTranspose", ["c", "wt"], ["y"], name="deconv"),
        [numpy_helper.from_array(np.ones((4,), dtype=np.float32), "wt")])
    # ConvInteger whose weight is a rank-1 constant.
    files["convinteger_weight_rank1.onnx"] = conv_then(
        helper.make_node("ConvInteger", ["c", "wi"], ["y"], name="iconv"),
        [numpy_helper.from_array(np.ones((4,), dtype=np.int8), "wi")])
    for name, m in files.items():
        (HERE / name).write_bytes(m.SerializeToString())
        print("wrote", name)


if __name__ == "__main__":
    main()
