#!/usr/bin/python3
"""Writes the PBQP test instances of this folder and expected.json, their
optimum found by plain enumeration here (independent of the C++ solver).

Run from anywhere: /usr/bin/python3 tests/data/pbqp/generate.py
Deterministic (fixed seeds); the build never runs it.
"""
import itertools
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
INF = float("inf")


def enc(c):
    return "inf" if c == INF else c


def instance(nodes, edges):
    """nodes: [(name, [costs])], edges: [(from, to, [[costs]])]"""
    return {
        "nodes": [{"name": n, "costs": [enc(c) for c in cs]} for n, cs in nodes],
        "edges": [{"from": a, "to": b, "costs": [[enc(c) for c in row] for row in m]} for a, b, m in edges],
    }


def brute_force(inst):
    nodes = [[INF if c == "inf" else c for c in n["costs"]] for n in inst["nodes"]]
    edges = [(e["from"], e["to"], [[INF if c == "inf" else c for c in r] for r in e["costs"]]) for e in inst["edges"]]
    best, best_labels = INF, None
    for labels in itertools.product(*[range(len(c)) for c in nodes]):
        cost = sum(nodes[i][l] for i, l in enumerate(labels))
        cost += sum(m[labels[a]][labels[b]] for a, b, m in edges)
        if best_labels is None or cost < best:
            best, best_labels = cost, labels
    return best, list(best_labels)


def rand_costs(rng, k, p_inf=0.0):
    return [INF if rng.random() < p_inf else rng.randint(0, 9) for _ in range(k)]


def rand_matrix(rng, r, c, p_inf=0.0):
    return [rand_costs(rng, c, p_inf) for _ in range(r)]


def chain(rng):
    names = ["conv%d" % i for i in range(8)]
    nodes = [(n, rand_costs(rng, rng.randint(1, 3))) for n in names]
    edges = [(i, i + 1, rand_matrix(rng, len(nodes[i][1]), len(nodes[i + 1][1]))) for i in range(7)]
    return instance(nodes, edges)


def inception_module(rng):
    # fork -> 1x1 | 1x1 -> 3x3 | 1x1 -> 3x3 -> 3x3 | 1x1 -> (1x3, 3x1) -> concat
    names = ["fork", "b1_1x1", "b2_1x1", "b2_3x3", "b3_1x1", "b3_3x3a", "b3_3x3b", "b4_1x1", "b4_1x3", "b4_3x1",
             "concat"]
    k = {"fork": 3, "concat": 1}
    nodes = [(n, rand_costs(rng, k.get(n, 3 if "3" in n else 1))) for n in names]
    nodes[-1] = ("concat", [0])
    idx = {n: i for i, n in enumerate(names)}
    pairs = [("fork", "b1_1x1"), ("fork", "b2_1x1"), ("b2_1x1", "b2_3x3"), ("fork", "b3_1x1"),
             ("b3_1x1", "b3_3x3a"), ("b3_3x3a", "b3_3x3b"), ("fork", "b4_1x1"), ("b4_1x1", "b4_1x3"),
             ("b4_1x1", "b4_3x1"), ("b1_1x1", "concat"), ("b2_3x3", "concat"), ("b3_3x3b", "concat"),
             ("b4_1x3", "concat"), ("b4_3x1", "concat")]
    edges = [(idx[a], idx[b], rand_matrix(rng, len(nodes[idx[a]][1]), len(nodes[idx[b]][1]))) for a, b in pairs]
    return instance(nodes, edges)


def k5(rng):
    # Complete graph on 5 nodes: no node of degree <= 2, needs RN or branching.
    nodes = [("n%d" % i, rand_costs(rng, 3)) for i in range(5)]
    edges = [(a, b, rand_matrix(rng, 3, 3)) for a in range(5) for b in range(a + 1, 5)]
    return instance(nodes, edges)


def forbidden(rng):
    # A diamond with a parallel edge, many forbidden pairs, still feasible.
    while True:
        nodes = [("n%d" % i, rand_costs(rng, 3, 0.2)) for i in range(5)]
        pairs = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (1, 3), (4, 0)]
        edges = [(a, b, rand_matrix(rng, 3, 3, 0.4)) for a, b in pairs]
        inst = instance(nodes, edges)
        if brute_force(inst)[0] != INF:
            return inst


def infeasible(rng):
    # Every assignment hits a forbidden pair; on a K4 so it takes branching to prove.
    nodes = [("n%d" % i, [0, 0]) for i in range(4)]
    # Neighbours must take different labels: 2-colouring K4 is impossible.
    same = [[INF, 0], [0, INF]]
    edges = [(a, b, same) for a in range(4) for b in range(a + 1, 4)]
    return instance(nodes, edges)


def main():
    rng = random.Random(20261123)
    cases = {
        "chain.json": chain(rng),
        "inception_module.json": inception_module(rng),
        "k5.json": k5(rng),
        "forbidden.json": forbidden(rng),
        "infeasible.json": infeasible(rng),
    }
    expected = {}
    for name, inst in cases.items():
        with open(os.path.join(HERE, name), "w") as f:
            json.dump(inst, f, indent=1)
            f.write("\n")
        cost, labels = brute_force(inst)
        expected[name] = {"cost": enc(cost), "status": "infeasible" if cost == INF else "optimal",
                          "labels_of_first_optimum": labels}
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
