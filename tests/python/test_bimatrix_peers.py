"""Two-player solvers against lrsnash (Debian's lrslib) on hundreds of seeded
random and degenerate games: `enumerate` must give exactly lrsnash's set of
extreme equilibria; every Lemke-Howson answer must be one of them and have
zero exact regret, recomputed here from the game file."""
import json
import os
import sys
from fractions import Fraction

import pytest
from conftest import SOURCE, run_cli

sys.path.insert(0, os.path.join(SOURCE, "bench", "peers"))
import lrsnash  # noqa: E402

CASES = (
    [("uniform", "%dx%d" % (2 + s % 6, 2 + (s * 7) % 6), 10, s) for s in range(120)]
    + [("degenerate", "%dx%d" % (2 + s % 5, 2 + (s * 3) % 5), 3, s) for s in range(120)]
    + [("coordination", "%dx%d" % (2 + s % 5, 2 + s % 5), 5, s) for s in range(20)]
    + [("zero-sum", "%dx%d" % (3 + s % 6, 3 + (s * 5) % 6), 20, s) for s in range(20)]
    + [("uniform", "%dx%d" % (8 + s % 4, 8 + s % 4), 1000000, s) for s in range(20)]
    + [("uniform", "%dx%d" % (2 + s % 5, 2 + (s * 3) % 5), 1000000, s) for s in range(200, 240)]
)


def regrets(a, b, x, y):
    m, n = len(a), len(a[0])
    ay = [sum(a[i][j] * y[j] for j in range(n)) for i in range(m)]
    bx = [sum(b[i][j] * x[i] for i in range(m)) for j in range(n)]
    return (max(ay) - sum(x[i] * ay[i] for i in range(m)), max(bx) - sum(y[j] * bx[j] for j in range(n)))


def solve(path, method):
    p = run_cli("solve", path, "--method", method, "--format", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["exact"] is True and out["status"] == "complete"
    return [(tuple(map(Fraction, e["strategies"][0])), tuple(map(Fraction, e["strategies"][1])))
            for e in out["equilibria"]]


@pytest.mark.parametrize("kind,size,payoff_range,seed", CASES)
def test_against_lrsnash(tmp_path, kind, size, payoff_range, seed):
    path = str(tmp_path / "game.nfg")
    g = run_cli("generate", kind, "--size", size, "--range", payoff_range, "--seed", seed, "-o", path)
    assert g.returncode == 0, g.stderr
    a, b = lrsnash.read_bimatrix(path)
    reference, _ = lrsnash.solve(a, b, timeout=120)
    extreme = solve(path, "enumerate")
    assert len(set(extreme)) == len(extreme), "duplicates"
    assert set(extreme) == reference
    lemke = solve(path, "lemke-howson")
    assert lemke, "Lemke-Howson found nothing"
    for x, y in lemke:
        assert regrets(a, b, x, y) == (0, 0)
        assert (x, y) in reference, "Lemke-Howson ends at a vertex pair: an extreme equilibrium"
    if len(a) <= 7 and len(a[0]) <= 7:
        # Equal-size supports with nonsingular systems: every equilibrium of a
        # generic game, a subset of the extreme ones otherwise.
        support = set(solve(path, "support"))
        assert support <= reference
        if payoff_range == 1000000:
            assert support == reference
    if kind == "zero-sum":
        (x, y), = solve(path, "lp")
        assert regrets(a, b, x, y) == (0, 0)
        assert (x, y) in reference, "an optimal basic solution is a vertex of the optimal faces"
