#!/usr/bin/python3
"""Writes the hostile / malformed ONNX files of tests/data/onnx_bad/ and
expected.json: per file, a fragment the FormatError message must contain
(besides the file name).

    /usr/bin/python3 tests/data/onnx_bad/generate_bad.py

Uses onnx.helper only (no torch); deterministic. The models are built without
onnx.checker on purpose: each breaks one rule.
"""

import json
import random
from pathlib import Path

import onnx
from onnx import TensorProto, helper

HERE = Path(__file__).resolve().parent
GOOD = HERE.parent / "onnx" / "resnet18.onnx"


def model(nodes, inputs, outputs, initializers=(), opset=13):
    g = helper.make_graph(nodes, "bad", inputs, outputs, list(initializers))
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)], producer_name="generate_bad.py")


def vi(name, dims):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, dims)


def write(name, m):
    (HERE / name).write_bytes(m.SerializeToString() if not isinstance(m, bytes) else m)


def main():
    expected = {}

    good = GOOD.read_bytes()
    # Cut in the middle of a field: protobuf refuses to parse it.
    cut = len(good) // 2
    for c in range(cut, cut + 64):
        try:
            onnx.load_from_string(good[:c])
        except Exception:
            cut = c
            break
    write("truncated.onnx", good[:cut])
    expected["truncated.onnx"] = "cannot be parsed"

    rng = random.Random(20240602)
    write("random_bytes.onnx", bytes(rng.randrange(256) for _ in range(4096)))
    expected["random_bytes.onnx"] = "not an ONNX model"

    write("empty.onnx", b"")
    expected["empty.onnx"] = "empty"

    # a = Add(x, c); c = Relu(a): a cycle.
    write("cycle.onnx", model([helper.make_node("Add", ["x", "c"], ["a"], name="add"),
                               helper.make_node("Relu", ["a"], ["c"], name="relu")],
                              [vi("x", [1, 3, 8, 8])], [vi("c", [1, 3, 8, 8])]))
    expected["cycle.onnx"] = "cycle"

    write("undefined_tensor.onnx", model([helper.make_node("Relu", ["x"], ["a"], name="relu"),
                                          helper.make_node("Add", ["a", "nowhere"], ["y"], name="add")],
                                         [vi("x", [1, 3, 8, 8])], [vi("y", [1, 3, 8, 8])]))
    expected["undefined_tensor.onnx"] = "'nowhere'"

    write("huge_dimension.onnx", model([helper.make_node("Relu", ["x"], ["y"], name="relu")],
                                       [vi("x", [1, 3, 1 << 40, 8])], [vi("y", [1, 3, 1 << 40, 8])]))
    expected["huge_dimension.onnx"] = "more than the limit"

    write("negative_dimension.onnx", model([helper.make_node("Relu", ["x"], ["y"], name="relu")],
                                           [vi("x", [1, -3, 8, 8])], [vi("y", [1, -3, 8, 8])]))
    expected["negative_dimension.onnx"] = "negative dimension"

    # A weight whose declared dimensions would take 2^60 elements (no data).
    w = TensorProto()
    w.name = "w"
    w.data_type = TensorProto.FLOAT
    w.dims.extend([1 << 30, 1 << 30])
    write("huge_initializer.onnx", model([helper.make_node("MatMul", ["x", "w"], ["y"], name="fc")],
                                         [vi("x", [1, 1 << 30])], [vi("y", [1, 1 << 30])], [w]))
    expected["huge_initializer.onnx"] = "more than the limit"

    w = helper.make_tensor("w", TensorProto.FLOAT, [4, 3, 3, 3], [0.0] * 108)
    w.dims[0] = -4
    write("negative_initializer.onnx", model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv")],
                                             [vi("x", [1, 3, 8, 8])], [vi("y", [1, 4, 6, 6])], [w]))
    expected["negative_initializer.onnx"] = "negative dimension"

    conv = helper.make_node("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[2] * 5000)
    write("oversized_attribute.onnx", model([conv], [vi("x", [1, 3, 8, 8])], [vi("y", [1, 3, 4, 4])]))
    expected["oversized_attribute.onnx"] = "attribute 'kernel_shape'"

    m = model([helper.make_node("Relu", ["x"], ["y"], name="relu")], [vi("x", [1, 3, 8, 8])], [vi("y", [1, 3, 8, 8])])
    m.ClearField("graph")
    write("no_graph.onnx", m)
    expected["no_graph.onnx"] = "no graph"

    m = model([helper.make_node("Relu", ["x"], ["y"], name="relu")], [vi("x", [1, 3, 8, 8])], [vi("y", [1, 3, 8, 8])])
    del m.opset_import[:]
    write("no_opset.onnx", m)
    expected["no_opset.onnx"] = "opset"

    write("no_input.onnx", model([helper.make_node("Constant", [], ["y"], name="c",
                                                   value=helper.make_tensor("v", TensorProto.FLOAT, [1], [1.0]))],
                                 [], [vi("y", [1])]))
    expected["no_input.onnx"] = "no inputs"

    write("symbolic_spatial.onnx", model([helper.make_node("Relu", ["x"], ["y"], name="relu")],
                                         [vi("x", ["N", 3, "H", "W"])], [vi("y", ["N", 3, "H", "W"])]))
    expected["symbolic_spatial.onnx"] = "symbolic dimension 'H'"

    write("two_writers.onnx", model([helper.make_node("Relu", ["x"], ["y"], name="relu1"),
                                     helper.make_node("Sigmoid", ["x"], ["y"], name="sigmoid")],
                                    [vi("x", [1, 3, 8, 8])], [vi("y", [1, 3, 8, 8])]))
    expected["two_writers.onnx"] = "written by two nodes"

    (HERE / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    for name in sorted(expected):
        print(f"{name:28s} {(HERE / name).stat().st_size:>7,} B  expects '{expected[name]}'")


if __name__ == "__main__":
    main()
