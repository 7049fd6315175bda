#!/usr/bin/python3
"""Generate the GP reference suite: problems in Tessera's GP JSON format
(docs/architecture.md, "GP problem (JSON)") and
reference results from cvxopt.solvers.gp.

Run from anywhere with /usr/bin/python3 (needs python3-cvxopt); the output is
committed so that the build and the tests never need Python:

    problems/<name>.json   the problem, exactly the architecture.md format
    reference/<name>.json  {"category", "expected_status", "cvxopt": {...}}
    manifest.json          the list of names with their category

Categories: random (feasible random GPs, 2-60 variables, up to 300 terms),
infeasible (feasible ones plus a conflicting group of constraints, by
construction), unbounded (an extra variable only in the objective with a
negative exponent, by construction) and layer (method 1 of methods.md: the
channel split of one conv layer across CPU, GPU and FPGA as one GP of the
penalty schedule; the KPI coefficients are a reconstruction, see layer_gp()).
"""
import json
import math
import os
import random
import sys

import cvxopt
from cvxopt import matrix, solvers

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261123


def mono(c, e):
    return {"c": float(c), "e": {k: float(v) for k, v in e.items() if v != 0}}


def to_cvxopt(problem):
    """(variables, K, F, g, A, b, inequality names, equality names)."""
    names = set()
    for m in problem["objective"]:
        names.update(m["e"])
    for c in problem["constraints"]:
        for m in c["posy"]:
            names.update(m["e"])
    var = sorted(names)
    idx = {v: i for i, v in enumerate(var)}
    rows, g, K = [], [], []
    ineq, eq_rows, eq_b, eq_names = [], [], [], []

    def add(posy):
        for m in posy:
            r = [0.0] * len(var)
            for k, a in m["e"].items():
                r[idx[k]] = a
            rows.append(r)
            g.append(math.log(m["c"]))
        K.append(len(posy))

    add(problem["objective"])
    for c in problem["constraints"]:
        if c["sense"] == "==":
            m = c["posy"][0]
            r = [0.0] * len(var)
            for k, a in m["e"].items():
                r[idx[k]] = a
            eq_rows.append(r)
            eq_b.append(-math.log(m["c"]))
            eq_names.append(c["name"])
        else:
            add(c["posy"])
            ineq.append(c["name"])
    F = matrix(rows).T if rows else None
    A = matrix(eq_rows).T if eq_rows else None
    b = matrix(eq_b) if eq_b else None
    return var, K, F, matrix(g), A, b, ineq, eq_names


def lse(F, g, K, x, k):
    start = sum(K[:k])
    vals = [sum(F[start + j, i] * x[i] for i in range(F.size[1])) + g[start + j] for j in range(K[k])]
    mx = max(vals)
    return mx + math.log(sum(math.exp(v - mx) for v in vals))


def solve_cvxopt(problem, tight=True):
    var, K, F, g, A, b, ineq, eq = to_cvxopt(problem)
    solvers.options.clear()
    solvers.options["show_progress"] = False
    solvers.options["maxiters"] = 200
    if tight:
        solvers.options.update({"abstol": 1e-11, "reltol": 1e-11, "feastol": 1e-11})
    try:
        kw = {}
        if A is not None:
            kw = {"A": A, "b": b}
        sol = solvers.gp(K, F, g, **kw)
    except (ValueError, ArithmeticError) as e:
        return {"status": "error", "message": str(e)}
    out = {"status": sol["status"], "iterations": sol.get("iterations")}
    if sol["x"] is not None and max(abs(v) for v in sol["x"]) < 700:
        x = sol["x"]
        out["objective"] = math.exp(lse(F, g, K, x, 0))
        out["x"] = {v: math.exp(x[i]) for i, v in enumerate(var)}
        duals = {}
        if sol.get("znl") is not None:
            for i, n in enumerate(ineq):
                duals[n] = sol["znl"][i]
        if sol.get("y") is not None and eq:
            for i, n in enumerate(eq):
                duals[n] = sol["y"][i]
        out["duals"] = duals
    elif sol["x"] is not None:
        out["note"] = "iterates diverged (|log x| >= 700)"
    out["options"] = "abstol=reltol=feastol=1e-11" if tight else "defaults"
    return out


def random_gp(rng, n, total_terms, with_equalities):
    """A feasible, bounded random GP: constraints are scaled so that a hidden
    point y* satisfies them with slack; box bounds keep it bounded."""
    var = ["x%d" % i for i in range(n)]
    ystar = [rng.uniform(-1.5, 1.5) for _ in range(n)]

    def rand_mono(nvars):
        e = {}
        for v in rng.sample(var, min(nvars, n)):
            e[v] = round(rng.choice([-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3]) * rng.uniform(0.5, 1.0), 3)
        return e

    def val(e, c=1.0):
        return c * math.exp(sum(a * ystar[var.index(k)] for k, a in e.items()))

    obj = []
    for _ in range(rng.randint(2, 6)):
        e = rand_mono(rng.randint(1, 3))
        obj.append(mono(rng.uniform(0.5, 2.0), e))
    cons = []
    used = len(obj)
    ci = 0
    while used < total_terms - 2 * n:
        nt = rng.randint(1, 6)
        terms = []
        for _ in range(nt):
            e = rand_mono(rng.randint(1, 4))
            terms.append((rng.uniform(0.2, 1.0), e))
        total = sum(val(e, c) for c, e in terms)
        scale = rng.uniform(0.4, 0.95) / total
        cons.append({"name": "c%d" % ci, "posy": [mono(c * scale, e) for c, e in terms], "sense": "<="})
        ci += 1
        used += nt
    if with_equalities:
        for q in range(max(1, n // 10)):
            e = rand_mono(rng.randint(2, 3))
            cons.append({"name": "eq%d" % q, "posy": [mono(1.0 / val(e), e)], "sense": "=="})
    for i, v in enumerate(var):
        # x <= U and L / x <= 1 around the hidden point, wide.
        cons.append({"name": v + "_max", "posy": [mono(math.exp(-ystar[i] - 3.0), {v: 1})], "sense": "<="})
        cons.append({"name": v + "_min", "posy": [mono(math.exp(ystar[i] - 3.0), {v: -1})], "sense": "<="})
    return {"objective": obj, "constraints": cons}


def make_infeasible(rng, problem, n):
    var = ["x%d" % i for i in range(n)]
    group = rng.sample(var, min(n, rng.randint(2, 4)))
    # sum x_i <= 1 together with x_i >= 1.2 / |group| cannot hold.
    problem["constraints"].append({"name": "budget", "posy": [mono(1.0, {v: 1}) for v in group], "sense": "<="})
    for v in group:
        problem["constraints"].append({"name": "floor_" + v, "posy": [mono(1.2 / len(group), {v: -1})], "sense": "<="})
    # The wide box bounds of those variables must not conflict on their own.
    for c in problem["constraints"]:
        if c["name"].endswith("_max") or c["name"].endswith("_min"):
            c["posy"][0]["c"] = min(c["posy"][0]["c"], 1e-3)
    return problem


def make_unbounded(problem):
    problem["objective"] = [dict(m, e=dict(m["e"], free=-1.0)) for m in problem["objective"]]
    return problem


# ---- method 1 (methods.md): channel split of one layer over CPU, GPU, FPGA ----
LAYERS = {
    "alexnet": list(zip([224, 54, 26, 12, 12], [3, 96, 256, 384, 384], [11, 5, 3, 3, 3], [96, 256, 384, 384, 256])),
    "vgg16": list(zip([224, 224, 112, 112, 56, 56, 56, 28, 28, 28, 14, 14, 14],
                      [3, 64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512], [3] * 13,
                      [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512])),
    "resnet18": list(zip([224] + [56] * 5 + [28] * 4 + [14] * 4 + [7] * 3,
                         [3, 64, 64, 64, 64, 64, 128, 128, 128, 128, 256, 256, 256, 256, 512, 512, 512],
                         [7] + [3] * 16,
                         [64, 64, 64, 64, 64, 128, 128, 128, 128, 256, 256, 256, 256, 512, 512, 512, 512])),
}
# Reconstructed per-device KPI factors (latency in ms); each latency is the
# product of four one-dimensional polynomials with non-negative coefficients
# in (HW_d, C_d, k_d, N_d), as in the paper. Values are illustrative: the
# measured TX2 / Cyclone 10 GX coefficients are not public.
DEVICES = {
    #          HW: a1*x + a2*x^2     C: b0 + b1*x     k: c2*x^2   N: d1*x
    "cpu": ((2e-7, 4e-8), (0.5, 1.0), 1.0, 1.0),
    "gpu": ((1e-8, 3e-9), (8.0, 1.0), 1.0, 1.0),
    "fpga": ((0.0, 1.2e-8), (0.2, 1.0), 1.0, 1.0),
}


def layer_gp(HW, C, k, N, objective, W):
    cons = []
    parts = {}
    for d, ((a1, a2), (b0, b1), c2, d1) in DEVICES.items():
        terms = []
        for ca, ea in ((a1, 1), (a2, 2)):
            if ca == 0:
                continue
            for cb, eb in ((b0, 0), (b1, 1)):
                terms.append(mono(ca * cb * c2 * d1, {"HW_" + d: ea, "C_" + d: eb, "k_" + d: 2, "N_" + d: 1}))
        parts[d] = terms
        for dim, val in (("HW", HW), ("k", k), ("N", N)):
            cons.append({"name": "%s_%s_pinned" % (dim, d), "posy": [mono(1.0 / val, {dim + "_" + d: 1})], "sense": "=="})
    # FPGA input slice transfer: HW_F^2 * C_F bytes at 8 bits over ~1 GB/s (ms).
    comm = [mono(1e-6, {"HW_fpga": 2, "C_fpga": 1})]
    # Resource limits of the 10CX220 (DHM-like growth with N*C*k^2 and line buffers).
    cons.append({"name": "fpga_alm", "posy": [mono(0.9 / 80330, {"N_fpga": 1, "C_fpga": 1, "k_fpga": 2}),
                                              mono(2000.0 / 80330, {})], "sense": "<="})
    cons.append({"name": "fpga_m20k", "posy": [mono(8.0 / 20480 / 587, {"k_fpga": 1, "HW_fpga": 1, "C_fpga": 1})], "sense": "<="})
    cons.append({"name": "fpga_dsp", "posy": [mono(1.0 / 384, {"N_fpga": 1, "C_fpga": 1}), mono(0.05, {})], "sense": "<="})
    cons.append({"name": "channels", "posy": [mono(1.0 / C, {"C_" + d: 1}) for d in DEVICES], "sense": "<="})
    penalty = mono(W * 3.0 ** 1.0, {"C_" + d: -1.0 / 3 for d in DEVICES})
    penalty["c"] = W * math.prod((1.0 / C / (1.0 / 3)) ** (-1.0 / 3) for _ in DEVICES)
    if objective == "sequential":
        obj = parts["cpu"] + parts["gpu"] + parts["fpga"] + comm + [penalty]
    else:
        obj = [mono(1.0, {"t": 1}), penalty]
        for d in DEVICES:
            posy = parts[d] + (comm if d == "fpga" else [])
            cons.append({"name": "latency_" + d, "posy": [dict(m, c=m["c"], e=dict(m["e"], t=m["e"].get("t", 0) - 1))
                                                          for m in posy], "sense": "<="})
    return {"objective": merge(obj), "constraints": cons}


def merge(posy):
    out = {}
    for m in posy:
        key = tuple(sorted((k, v) for k, v in m["e"].items() if v != 0))
        out[key] = out.get(key, 0.0) + m["c"]
    return [{"c": c, "e": dict(k)} for k, c in out.items()]


def main():
    rng = random.Random(SEED)
    os.makedirs(os.path.join(HERE, "problems"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "reference"), exist_ok=True)
    manifest = []

    def emit(name, category, expected, problem):
        ref = solve_cvxopt(problem)
        if ref["status"] not in ("optimal",) and expected == "optimal":
            ref = solve_cvxopt(problem, tight=False)
        if expected == "optimal" and ref["status"] != "optimal":
            print("skip %s: cvxopt %s" % (name, ref["status"]), file=sys.stderr)
            return
        with open(os.path.join(HERE, "problems", name + ".json"), "w") as f:
            json.dump(problem, f, separators=(",", ":"))
        with open(os.path.join(HERE, "reference", name + ".json"), "w") as f:
            json.dump({"category": category, "expected_status": expected,
                       "cvxopt": dict(ref, version=cvxopt.__version__)}, f, indent=1)
        manifest.append({"name": name, "category": category})
        print(name, expected, ref["status"], ref.get("objective"))

    sizes = [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60]
    for i in range(40):
        n = sizes[i % len(sizes)]
        terms = min(300, rng.randint(3 * n + 5, 5 * n + 40))
        emit("random_%02d_n%d" % (i, n), "random", "optimal", random_gp(rng, n, terms, with_equalities=(i % 4 == 3)))
    for i in range(8):
        n = [3, 5, 8, 12, 20, 30, 40, 60][i]
        emit("infeasible_%02d_n%d" % (i, n), "infeasible", "infeasible",
             make_infeasible(rng, random_gp(rng, n, 4 * n + 20, False), n))
    for i in range(6):
        n = [2, 4, 6, 10, 20, 40][i]
        emit("unbounded_%02d_n%d" % (i, n), "unbounded", "unbounded", make_unbounded(random_gp(rng, n, 3 * n + 10, False)))
    for net, layers in LAYERS.items():
        for li, (HW, C, k, N) in enumerate(layers):
            for objective in ("sequential", "concurrent"):
                emit("layer_%s_conv%d_%s" % (net, li + 1, objective[:3]), "layer", "optimal",
                     layer_gp(HW, C, k, N, objective, W=10.0))
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump({"seed": SEED, "generator": "generate_gp_reference.py", "cvxopt": cvxopt.__version__,
                   "problems": manifest}, f, indent=1)


if __name__ == "__main__":
    main()
