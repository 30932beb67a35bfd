"""Residual against component calls, one line per method, both axes log,
from the CSV of bench/vi_policeman_burglar.cpp.

Usage: /usr/bin/python3 bench/plot_vi_comparison.py CURVE.csv OUT.png
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")  # no display here
import matplotlib.pyplot as plt


def read_curves(path):
    curves = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            calls = int(row["component_calls"])
            if calls > 0:  # the start point has no place on a log axis
                curves.setdefault(row["method"], []).append((calls, float(row["residual"])))
    return curves


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for method, points in read_curves(sys.argv[1]).items():
        ax.plot([c for c, _ in points], [r for _, r in points], label=method)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("component calls")
    ax.set_ylabel("natural residual")
    ax.set_title("Policeman-burglar game, 500 x 500")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=120)


if __name__ == "__main__":
    main()
