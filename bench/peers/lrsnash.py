"""lrsnash (Debian package lrslib) as a peer: write a bimatrix game in its
input format, run it, and read back its extreme equilibria exactly."""
import os
import subprocess
import tempfile
import time
from fractions import Fraction


def read_bimatrix(nfg_path):
    """(A, B) as lists of rows of Fractions, from a two-player payoff-version
    .nfg whose payoffs are plain numbers (as `equilibria generate` writes)."""
    text = open(nfg_path).read()
    body = text[text.index("}", text.index("}") + 1) + 1:]  # after players and counts/names
    head = text[:text.index("}", text.index("}") + 1) + 1]
    counts = [int(t) for t in head[head.rindex("{") + 1:head.rindex("}")].split()]
    nums = [Fraction(t) for t in body.replace('""', " ").split()]
    m, n = counts
    a = [[nums[2 * (i + j * m)] for j in range(n)] for i in range(m)]
    b = [[nums[2 * (i + j * m) + 1] for j in range(n)] for i in range(m)]
    return a, b


def write_input(a, b, path):
    m, n = len(a), len(a[0])
    with open(path, "w") as f:
        f.write("%d %d\n\n" % (m, n))
        for row in a:
            f.write(" ".join(str(v) for v in row) + "\n")
        f.write("\n")
        for row in b:
            f.write(" ".join(str(v) for v in row) + "\n")


def parse_output(text):
    """Set of equilibria as (x tuple, y tuple) of Fractions."""
    eqs = set()
    ys, xs = [], []

    def flush():
        for x in xs:
            for y in ys:
                eqs.add((x, y))

    for line in text.splitlines():
        parts = line.split()
        if not parts or line.startswith("*"):
            if not parts:
                flush()
                ys, xs = [], []
            continue
        values = tuple(Fraction(t) for t in parts[1:-1])  # drop the player tag and the payoff
        if parts[0] == "2":
            ys.append(values)
        elif parts[0] == "1":
            xs.append(values)
    flush()
    return eqs


def solve(a, b, timeout=None):
    """(set of equilibria, seconds) from lrsnash, or (None, seconds) on timeout."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "game.txt")
        write_input(a, b, path)
        start = time.perf_counter()
        try:
            p = subprocess.run(["lrsnash", path], capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, time.perf_counter() - start
        return parse_output(p.stdout), time.perf_counter() - start
