#!/usr/bin/env python3
"""Reproduce the setting of method 1's paper (Carballo-Hernandez, Pelcat,
Berry, JSPS 2023; methods.md section 1) with Tessera's analytic models:
the AlexNet, VGG16 and ResNet18 layer tables (resources/layer_tables) on the
Jetson TX2 + Cyclone 10 GX platform, cut along input channels (grouped-c,
the paper's cut; its baseline is the balanced split C/3 per device).

For each schedule (sequential: the paper's sum of device latencies;
concurrent: devices in parallel) and each objective (latency, energy), runs
`tessera-cli partition --json` and prints per layer and on average the
latency and energy gains of the GP's rounded split over the balanced split,
then checks that no layer is worse than balanced where balanced is feasible.

Stdlib only. Usage:
  python3 docs/partition_paper.py [--cli build/dev/app/tessera-cli] [--tables resources/layer_tables]
                                  [--precision int8|fp16|fp32]
Exit status 1 if a layer is worse than a feasible balanced split (or a run fails).
"""

import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NETWORKS = ["paper_alexnet", "paper_vgg16", "paper_resnet18"]
PLATFORM = "jetson_tx2_cyclone10gx"


def find_cli():
    for sub in ("build/dev", "build/release", "build/h-bench"):
        path = os.path.join(ROOT, sub, "app", "tessera-cli")
        if os.access(path, os.X_OK):
            return path
    return None


def run(cli, network, schedule, objective, precision):
    cmd = [cli, "partition", "--network", network, "--platform", PLATFORM, "--method", "grouped-c",
           "--schedule", schedule, "--objective", objective, "--precision", precision, "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if not proc.stdout.strip():
        raise RuntimeError(" ".join(cmd) + f" failed ({proc.returncode}): {proc.stderr.strip()}")
    return cmd, proc.returncode, json.loads(proc.stdout)


def gain(ours, base):
    return 100.0 * (base - ours) / base if base and base > 0 else None


def fmt(v):
    return "-" if v is None else f"{v:+.1f}"


def shares_text(layer):
    s = layer.get("shares", {})
    return "/".join(str(int(round(s.get(d, 0)))) for d in ("cpu", "gpu", "fpga"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default=find_cli(), help="tessera-cli binary")
    ap.add_argument("--tables", default=os.path.join(ROOT, "resources", "layer_tables"))
    ap.add_argument("--precision", default="int8", choices=["int8", "fp16", "fp32"],
                    help="passed to tessera-cli partition (default int8)")
    args = ap.parse_args()
    if not args.cli:
        sys.exit("partition_paper.py: no tessera-cli found; build it or pass --cli")

    problems = []
    summary = []
    for schedule in ("sequential", "concurrent"):
        for objective in ("latency", "energy"):
            kpi = "latency_ms" if objective == "latency" else "energy_mj"
            print(f"\n=== schedule {schedule}, objective {objective} (grouped-c, {PLATFORM}, {args.precision}) ===")
            print(f"{'layer':<24} {'C':>4} {'cpu/gpu/fpga':>14} {'latency ms':>11} {'energy mJ':>10}"
                  f" {'bal lat ms':>11} {'bal mJ':>9} {'lat gain %':>10} {'en gain %':>10}  balanced")
            all_lat, all_en = [], []
            for net in NETWORKS:
                path = os.path.join(args.tables, net + ".json")
                cmd, rc, doc = run(args.cli, path, schedule, objective, args.precision)
                if rc != 0:
                    problems.append(f"{' '.join(cmd)}: exit {rc}, status {doc.get('status')}: {doc.get('message')}")
                net_lat, net_en = [], []
                for layer in doc["layers"]:
                    bal = layer["baselines"].get("balanced")
                    name = net.replace("paper_", "") + "." + layer["layer"]
                    if layer["status"] != "optimal":
                        problems.append(f"{name}: status {layer['status']}: {layer['message']}")
                        print(f"{name:<24} {layer['units']:>4} {'-':>14}  {layer['status']}")
                        continue
                    lat_gain = gain(layer["latency_ms"], bal["latency_ms"]) if bal else None
                    en_gain = gain(layer["energy_mj"], bal["energy_mj"]) if bal else None
                    feasible = bool(bal and bal["feasible"])
                    note = "feasible" if feasible else ("infeasible: " + bal.get("reason", "") if bal else "none")
                    print(f"{name:<24} {layer['units']:>4} {shares_text(layer):>14} {layer['latency_ms']:>11.4f}"
                          f" {layer['energy_mj']:>10.4f} {bal['latency_ms'] if bal else float('nan'):>11.4f}"
                          f" {bal['energy_mj'] if bal else float('nan'):>9.4f} {fmt(lat_gain):>10} {fmt(en_gain):>10}  {note}")
                    if feasible:
                        ours, base = layer[kpi], bal[kpi]
                        if ours > base * (1 + 1e-9):
                            problems.append(f"{name} ({schedule}, {objective}): {kpi} {ours:.6g} worse than balanced {base:.6g}")
                        net_lat.append(lat_gain)
                        net_en.append(en_gain)
                avg = lambda xs: sum(xs) / len(xs) if xs else None
                print(f"{'  ' + net + ' average':<24} (over {len(net_lat)} layers with a feasible balanced split):"
                      f" latency {fmt(avg(net_lat))}%, energy {fmt(avg(net_en))}%")
                all_lat += net_lat
                all_en += net_en
            avg_lat = sum(all_lat) / len(all_lat) if all_lat else None
            avg_en = sum(all_en) / len(all_en) if all_en else None
            print(f"all tables: average gain over {len(all_lat)} layers with a feasible balanced split:"
                  f" latency {fmt(avg_lat)}%, energy {fmt(avg_en)}%")
            summary.append((schedule, objective, len(all_lat), avg_lat, avg_en))

    print("\n=== summary: average gain vs balanced (C/3 per device), layers with a feasible balanced split ===")
    print(f"{'schedule':<12} {'objective':<10} {'layers':>6} {'latency gain %':>15} {'energy gain %':>14}")
    for schedule, objective, n, lat, en in summary:
        print(f"{schedule:<12} {objective:<10} {n:>6} {fmt(lat):>15} {fmt(en):>14}")
    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print("  " + p)
        return 1
    print("\ncheck passed: no layer is worse than a feasible balanced split")
    return 0


if __name__ == "__main__":
    sys.exit(main())
