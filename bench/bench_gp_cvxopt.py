#!/usr/bin/python3
"""Times cvxopt.solvers.gp (default options) on the GP reference suite, the
companion of tessera-bench-gp. Usage: bench_gp_cvxopt.py [--seconds S] [DATA_DIR]
Prints the same summary lines (mean ms/solve, solves/s) per set."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "gp"))
from generate_gp_reference import to_cvxopt  # noqa: E402
from cvxopt import solvers  # noqa: E402


def main():
    args = sys.argv[1:]
    seconds = 0.2
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "gp")
    while args:
        a = args.pop(0)
        if a == "--seconds":
            seconds = float(args.pop(0))
        else:
            data = a
    manifest = json.load(open(os.path.join(data, "manifest.json")))
    solvers.options.clear()
    solvers.options["show_progress"] = False
    totals = {}
    for p in manifest["problems"]:
        problem = json.load(open(os.path.join(data, "problems", p["name"] + ".json")))
        var, K, F, g, A, b, _, _ = to_cvxopt(problem)
        kw = {"A": A, "b": b} if A is not None else {}
        n, start = 0, time.perf_counter()
        while True:
            try:
                sol = solvers.gp(K, F, g, **kw)
                status = sol["status"]
            except (ValueError, ArithmeticError):
                status = "error"
            n += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        print("%-34s %10s %12.0f" % (p["name"], status, n / elapsed))
        key = "layer (method 1)" if p["category"] == "layer" else "reference suite"
        t = totals.setdefault(key, [0, 0.0])
        t[0] += 1
        t[1] += elapsed / n
    print("\n%-20s %9s %16s %14s" % ("set", "problems", "mean ms/solve", "solves/s"))
    for key, (count, secs) in sorted(totals.items()):
        print("%-20s %9d %16.4f %14.0f" % (key, count, 1e3 * secs / count, count / secs))


if __name__ == "__main__":
    main()
