#!/usr/bin/env python3
"""Runs Equilibria's two-player solvers and lrsnash side by side on generated
games of growing size and prints Markdown tables (paste into BENCHMARKS.md).

  /usr/bin/python3 bench/compare_peers.py [--cli build/equilibria] [--max-n 18] [--seeds 3]

Times are wall-clock seconds of whole processes (reading the game included)
measured in the same run. Each enumerate answer is compared with lrsnash's."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
import lrsnash  # noqa: E402


def timed(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, p.stdout


def generate(cli, kind, n, seed, rng, path):
    subprocess.run([cli, "generate", kind, "--size", "%dx%d" % (n, n), "--range", str(rng), "--seed", str(seed),
                    "-o", path], check=True)


def as_set(out):
    return {(tuple(map(Fraction, e["strategies"][0])), tuple(map(Fraction, e["strategies"][1])))
            for e in json.loads(out)["equilibria"]}


def enumerate_table(cli, sizes, seeds, tmp, lrs_timeout):
    rows = ["| n x n | equilibria | Equilibria enumerate (s) | lrsnash (s) | lrsnash / Equilibria | same set |",
            "|---|---|---|---|---|---|"]
    for n in sizes:
        ours, theirs, counts, same = [], [], [], True
        for seed in range(1, seeds + 1):
            path = os.path.join(tmp, "g.nfg")
            generate(cli, "uniform", n, seed, 1000000, path)
            t, out = timed([cli, "solve", path, "--method", "enumerate", "--format", "json"])
            ref, tl = lrsnash.solve(*lrsnash.read_bimatrix(path), timeout=lrs_timeout)
            ours.append(t)
            theirs.append(tl)
            counts.append(len(as_set(out)))
            same = same and ref is not None and as_set(out) == ref
        ratio = statistics.median(theirs) / statistics.median(ours)
        rows.append("| %d | %s | %.3f | %.3f | %.1fx | %s |" % (
            n, "/".join(map(str, counts)), statistics.median(ours), statistics.median(theirs), ratio,
            "yes" if same else "NO"))
        print(rows[-1], file=sys.stderr)
    return rows


def single_solver_table(cli, method, kind, sizes, seeds, tmp, extra=()):
    rows = ["| n x n | %s median (s) | max (s) |" % method, "|---|---|---|"]
    for n in sizes:
        times = []
        for seed in range(1, seeds + 1):
            path = os.path.join(tmp, "g.nfg")
            generate(cli, kind, n, seed, 1000000 if kind == "uniform" else 100, path)
            t, out = timed([cli, "solve", path, "--method", method, "--format", "json", *extra])
            assert json.loads(out)["equilibria"], "no equilibrium"
            times.append(t)
        rows.append("| %d | %.3f | %.3f |" % (n, statistics.median(times), max(times)))
        print(rows[-1], file=sys.stderr)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default="build/equilibria")
    ap.add_argument("--max-n", type=int, default=18)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--lrs-timeout", type=float, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("### All extreme equilibria: enumerate vs lrsnash (U[0,999999], seeds 1..%d)\n" % args.seeds)
        print("\n".join(enumerate_table(args.cli, range(8, args.max_n + 1, 2), args.seeds, tmp, args.lrs_timeout)))
        print("\n### Lemke-Howson, first label, exact (U[0,999999])\n")
        print("\n".join(single_solver_table(args.cli, "lemke-howson", "uniform", [50, 100, 200], args.seeds, tmp,
                                            ["--label", "1"])))
        print("\n### Zero-sum LP, exact (U[0,100) payoffs, B = -A)\n")
        print("\n".join(single_solver_table(args.cli, "lp", "zero-sum", [50, 100, 200], args.seeds, tmp)))


if __name__ == "__main__":
    main()
