#!/usr/bin/env python3
"""Writes the malformed platform descriptors used by tests/core/tst_platform.cpp.

Each file is a small valid descriptor (BASE) with one fault; the test checks
that loading it throws FormatError naming the expected JSON path. Run from
anywhere: python3 tests/data/platforms_bad/generate.py
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def fig(value, unit):
    return {"value": value, "unit": unit, "source": "test fixture"}


BASE = {
    "format": "tessera-platform",
    "schema_version": 1,
    "name": "test_platform",
    "display_name": "Test platform",
    "devices": [
        {"id": "cpu", "name": "Test CPU", "kind": "cpu", "clock_mhz": fig(2000, "MHz"),
         "peak_gops": {"fp32": fig(100, "GOPS")}, "memory_bandwidth_gbs": fig(50, "GB/s"),
         "static_power_w": fig(1, "W"), "dynamic_power_w": fig(10, "W")},
        {"id": "gpu", "name": "Test GPU", "kind": "gpu", "clock_mhz": fig(1000, "MHz"),
         "peak_gops": {"fp32": fig(1000, "GOPS")}, "memory_bandwidth_gbs": fig(100, "GB/s"),
         "static_power_w": fig(2, "W"), "dynamic_power_w": fig(20, "W")},
        {"id": "fpga", "name": "Test FPGA", "kind": "fpga", "clock_mhz": fig(200, "MHz"),
         "memory_bandwidth_gbs": fig(10, "GB/s"), "static_power_w": fig(1, "W"),
         "dynamic_power_w": fig(5, "W"), "alms": fig(80330, "ALM"), "dsps": fig(192, "DSP"),
         "overlay": {"kind": "dynamap", "source": "test fixture",
                     "parameters": {"p1": 92, "p2": 64, "clock_mhz": 200, "bandwidth_gbs": 64,
                                    "winograd_m": 2, "winograd_r": 3, "double_buffering": True,
                                    "data_bits": 8}}},
    ],
    "links": [
        {"id": "cpu_gpu", "name": "bus", "from": "cpu", "to": "gpu", "bandwidth_gbs": fig(10, "GB/s"),
         "latency_us": fig(1, "us"), "energy_pj_per_byte": fig(10, "pJ/B")},
        {"id": "cpu_fpga", "name": "PCIe", "from": "cpu", "to": "fpga", "bandwidth_gbs": fig(2, "GB/s"),
         "latency_us": fig(5, "us"), "energy_pj_per_byte": fig(100, "pJ/B")},
    ],
}


def variant(edit):
    doc = copy.deepcopy(BASE)
    edit(doc)
    return json.dumps(doc, indent=1) + "\n"


def setv(path, value):
    """An edit setting doc[path...] = value."""
    def edit(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return edit


def delete(path):
    def edit(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return edit


def rename(path, new_key):
    def edit(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[new_key] = node.pop(path[-1])
    return edit


def both(*edits):
    def edit(doc):
        for e in edits:
            e(doc)
    return edit


D0, D1, D2 = ["devices", 0], ["devices", 1], ["devices", 2]
L0, L1 = ["links", 0], ["links", 1]
OVERLAY = D2 + ["overlay", "parameters"]
LATENCY = D2 + ["cost_models", "latency_ms"]


def flydel(unit, **changes):
    """A valid fitted model (flydel.h) with `changes` applied."""
    model = {"form": "product", "scale": 1e-3, "factors": {"hw": [0, 1], "c": [1, 2], "k": [0, 0, 1]},
             "unit": unit, "source": "test fixture"}
    model.update(changes)
    return model


def with_cost_models(doc):
    doc["devices"][2]["cost_models"] = {"latency_ms": flydel("ms"), "alms": flydel("ALM", form="sum")}

FILES = {
    # text-level faults
    "not_json.json": '{"format": "tessera-platform", "schema_version": 1,\n',
    "empty.json": "",
    "trailing_garbage.json": json.dumps(BASE) + " }\n",
    "deep_nesting.json": '{"devices": ' + "[" * 100 + "]" * 100 + "}\n",
    "duplicate_key.json": variant(lambda d: None).replace(
        '"alms": {', '"alms": {"value": 1, "unit": "ALM", "source": "x"},\n  "alms": {', 1),
    "nonfinite_value.json": variant(lambda d: None).replace(
        '"value": 2000', '"value": 1e999', 1),
    # document level
    "root_array.json": "[]\n",
    "wrong_format.json": variant(setv(["format"], "tessera-network")),
    "schema_version_2.json": variant(setv(["schema_version"], 2)),
    "schema_version_string.json": variant(setv(["schema_version"], "1")),
    "missing_name.json": variant(delete(["name"])),
    "bad_name.json": variant(setv(["name"], "Test Platform")),
    "unknown_top_key.json": variant(rename(["devices"], "devcies")),
    "no_devices.json": variant(setv(["devices"], [])),
    "devices_not_array.json": variant(setv(["devices"], {"cpu": {}})),
    # devices
    "device_unknown_kind.json": variant(setv(D0 + ["kind"], "dsp")),
    "device_missing_id.json": variant(delete(D1 + ["id"])),
    "device_bad_id.json": variant(setv(D1 + ["id"], "my gpu")),
    "duplicate_device_id.json": variant(setv(D2 + ["id"], "gpu")),
    "device_unknown_key.json": variant(rename(D0 + ["clock_mhz"], "clock_ghz")),
    "clock_missing.json": variant(delete(D0 + ["clock_mhz"])),
    "static_power_negative.json": variant(setv(D0 + ["static_power_w", "value"], -1)),
    "gpu_no_peak.json": variant(delete(D1 + ["peak_gops"])),
    "peak_empty.json": variant(setv(D1 + ["peak_gops"], {})),
    "peak_unknown_precision.json": variant(setv(D1 + ["peak_gops", "fp64"], {"value": 1, "unit": "GOPS", "source": "x"})),
    "cpu_with_alms.json": variant(setv(D0 + ["alms"], {"value": 1, "unit": "ALM", "source": "x"})),
    "overlay_on_gpu.json": variant(setv(D1 + ["overlay"], {"kind": "dynamap", "source": "x", "parameters": {}})),
    # figures
    "alms_negative.json": variant(setv(D2 + ["alms", "value"], -5)),
    "alms_zero.json": variant(setv(D2 + ["alms", "value"], 0)),
    "alms_string.json": variant(setv(D2 + ["alms", "value"], "80330")),
    "alms_fraction.json": variant(setv(D2 + ["alms", "value"], 80330.5)),
    "alms_wrong_unit.json": variant(setv(D2 + ["alms", "unit"], "ALMs")),
    "alms_missing_source.json": variant(delete(D2 + ["alms", "source"])),
    "alms_empty_source.json": variant(setv(D2 + ["alms", "source"], "")),
    "alms_not_object.json": variant(setv(D2 + ["alms"], 80330)),
    "figure_unknown_key.json": variant(rename(D2 + ["alms", "value"], "vaule")),
    "figure_bad_basis.json": variant(setv(D2 + ["alms", "basis"], "guess")),
    # FPGA budgets
    "fpga_no_resources.json": variant(both(delete(D2 + ["alms"]), delete(D2 + ["dsps"]))),
    "fpga_no_dsps.json": variant(delete(D2 + ["dsps"])),
    "fpga_no_logic.json": variant(delete(D2 + ["alms"])),
    # overlay
    "overlay_missing_p1.json": variant(delete(OVERLAY + ["p1"])),
    "overlay_p1_fraction.json": variant(setv(OVERLAY + ["p1"], 92.5)),
    "overlay_unknown_param.json": variant(setv(OVERLAY + ["p3"], 1)),
    "overlay_double_buffering_number.json": variant(setv(OVERLAY + ["double_buffering"], 1)),
    "overlay_param_array.json": variant(setv(OVERLAY + ["p2"], [64])),
    # cost constants (core/partition_cost.h, costConstantSpecs)
    "cost_constant_unknown.json": variant(setv(D1 + ["cost_constants"], {"compute_eff": fig(0.5, "1")})),
    "cost_constant_wrong_unit.json": variant(setv(D1 + ["cost_constants"], {"launch_overhead_us": fig(20, "ms")})),
    "cost_constant_out_of_range.json": variant(setv(D1 + ["cost_constants"], {"compute_efficiency": fig(1.5, "1")})),
    "cost_constant_fpga_only_on_gpu.json": variant(setv(D1 + ["cost_constants"], {"alm_base": fig(1000, "ALM")})),
    # cost models (fitted flydels, core/flydel.h)
    "cost_model_negative_coefficient.json": variant(both(with_cost_models, setv(LATENCY + ["factors", "c", 1], -3))),
    "cost_model_degree_4.json": variant(both(with_cost_models, setv(LATENCY + ["factors", "hw"], [0, 1, 1, 1, 1]))),
    "cost_model_bad_form.json": variant(both(with_cost_models, setv(LATENCY + ["form"], "prod"))),
    "cost_model_resource_on_cpu.json": variant(setv(D0 + ["cost_models"], {"alms": flydel("ALM")})),
    "cost_model_empty_source.json": variant(both(with_cost_models, setv(LATENCY + ["source"], ""))),
    "cost_model_unknown_key.json": variant(both(with_cost_models, setv(LATENCY + ["offset"], 1))),
    # links
    "link_unknown_device.json": variant(setv(L0 + ["to"], "dsp")),
    "link_self.json": variant(setv(L0 + ["to"], "cpu")),
    "link_duplicate_id.json": variant(setv(L1 + ["id"], "cpu_gpu")),
    "link_duplicate_pair.json": variant(both(setv(L1 + ["from"], "gpu"), setv(L1 + ["to"], "cpu"))),
    "link_missing_bandwidth.json": variant(delete(L0 + ["bandwidth_gbs"])),
    "link_wrong_unit.json": variant(setv(L0 + ["bandwidth_gbs", "unit"], "Gb/s")),
}

if __name__ == "__main__":
    for name in os.listdir(HERE):
        if name.endswith(".json"):
            os.remove(os.path.join(HERE, name))
    for name, text in FILES.items():
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {len(FILES)} files")
