#!/usr/bin/python3
"""Draws exploitability curves (CSV files written by `equilibria solve --log`)
as a PNG, log-log, against iterations or seconds. Called by `equilibria plot`;
needs Debian's python3-matplotlib."""
import argparse
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("curves", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--x", choices=["iteration", "seconds"], default="iteration")
    ap.add_argument("--title", default="")
    args = ap.parse_args()
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    for path in args.curves:
        xs, ys = [], []
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                try:
                    x, y = float(row[args.x]), float(row["exploitability"])
                except (KeyError, TypeError, ValueError):
                    sys.exit("%s: not a curve written by 'equilibria solve --log'" % path)
                if x > 0 and y > 0:
                    xs.append(x)
                    ys.append(y)
        if not xs:
            sys.exit("%s: no points to draw" % path)
        ax.plot(xs, ys, marker="o", markersize=3, label=os.path.splitext(os.path.basename(path))[0])
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("iterations" if args.x == "iteration" else "seconds")
    ax.set_ylabel("exploitability")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    if args.title:
        ax.set_title(args.title)
    fig.tight_layout()
    fig.savefig(args.output)


if __name__ == "__main__":
    main()
