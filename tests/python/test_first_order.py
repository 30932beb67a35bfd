"""First-order methods on zero-sum games through the CLI: every method's
last iterate certified exactly against the LP's value, its curve logged and
plotted, time limits, and games they do not apply to."""
import csv
import json
from fractions import Fraction

import pytest
from conftest import run_cli

METHODS = ["eg", "ogda", "halpern", "eag", "vr-halpern"]


@pytest.fixture(scope="module")
def game(tmp_path_factory):
    path = tmp_path_factory.mktemp("fo") / "zs.nfg"
    r = run_cli("generate", "zero-sum", "--size", "12x9", "--seed", 4, "-o", path)
    assert r.returncode == 0, r.stderr
    return path


def solve(*args):
    r = run_cli("solve", *args, "-f", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.parametrize("method", METHODS)
def test_methods_reach_the_lp_value_within_their_exact_gap(game, method):
    lp = solve(game, "-m", "lp")
    value = Fraction(lp["equilibria"][0]["payoffs"][0])
    out = solve(game, "-m", method, "--tolerance", "1e-7")
    assert out["status"] == "complete" and out["stats"]["residual"] <= 1e-7
    eq = out["equilibria"][0]
    gap = sum(Fraction(r) if isinstance(r, str) else Fraction(r) for r in eq["regret"])
    assert 0 <= gap < Fraction(1, 10**4)
    assert abs(Fraction(eq["payoffs"][0]) - value) <= gap
    # Any tolerance answer verifies; exact only when the gap is exactly 0.
    assert out["exact"] == (gap == 0)


def test_a_curve_is_logged_and_plotted(game, tmp_path):
    log = tmp_path / "eag.csv"
    out = solve(game, "-m", "eag", "--log", log)
    rows = list(csv.DictReader(open(log)))
    assert rows[0]["iteration"] == "0" and float(rows[-1]["residual"]) == pytest.approx(out["stats"]["residual"])
    calls = [int(r["component_calls"]) for r in rows]
    assert calls == sorted(calls) and calls[-1] == out["stats"]["component_calls"]
    png = tmp_path / "eag.png"
    r = run_cli("plot", log, "--x", "component_calls", "-o", png)
    assert r.returncode == 0, r.stderr
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_iterations_cap_and_time_limit_say_so(game):
    capped = solve(game, "-m", "ogda", "--iterations", 3, "--tolerance", "1e-12")
    assert capped["status"] == "limit-reached" and capped["stats"]["iterations"] == 3
    big = run_cli("generate", "zero-sum", "--size", "400x400", "--seed", 1)
    assert big.returncode == 0
    r = run_cli("solve", "-", "-m", "halpern", "--tolerance", "1e-14", "--time-limit", "1", "-f", "json",
                stdin=big.stdout, timeout=60)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "stopped" and out["seconds"] < 2
    assert out["equilibria"][0]["regret"]  # the iterate reached is still certified


@pytest.mark.parametrize("nfg", ["examples/prisoners_dilemma.nfg"])
def test_general_sum_games_are_refused_with_one_line(nfg):
    from conftest import SOURCE
    import os
    r = run_cli("solve", os.path.join(SOURCE, nfg), "-m", "eg")
    assert r.returncode == 2 and "zero-sum" in r.stderr and r.stderr.count("\n") == 1


@pytest.mark.parametrize("method", METHODS)
def test_a_run_stopped_and_resumed_ends_where_an_unbroken_one_does(game, method, tmp_path):
    whole = solve(game, "-m", method, "--tolerance", "1e-6")
    ckpt = tmp_path / "run.ckpt"
    part = solve(game, "-m", method, "--tolerance", "1e-6", "--iterations", 40, "--checkpoint", ckpt)
    assert part["status"] == "limit-reached" and part["stats"]["iterations"] == 40
    curve = tmp_path / "curve.csv"
    resumed = solve(game, "-m", method, "--tolerance", "1e-6", "--resume", ckpt, "--log", curve)
    assert resumed["status"] == "complete"
    # It went on from iteration 40 with the calls made so far, not from the start.
    first = next(csv.DictReader(curve.read_text().splitlines(), fieldnames=["iteration", "component_calls", "seconds", "residual"]))
    assert int(first["iteration"]) == 40
    assert int(first["component_calls"]) == part["stats"]["component_calls"] > 0
    assert resumed["equilibria"][0]["strategies"] == whole["equilibria"][0]["strategies"]
    assert resumed["stats"] == whole["stats"]


def test_a_checkpoint_from_another_run_or_method_is_refused(game, tmp_path):
    ckpt = tmp_path / "eg.ckpt"
    solve(game, "-m", "eg", "--iterations", 5, "--checkpoint", ckpt)
    other = tmp_path / "other.nfg"
    assert run_cli("generate", "zero-sum", "--size", "12x9", "--seed", 5, "-o", other).returncode == 0
    for args, message in [(("-m", "halpern"), "taken with method eg"), (("-m", "eg", "--seed", 9), "seed 1"),
                          (("-m", "lp"), "checkpoints are for iterative methods")]:
        r = run_cli("solve", game, *args, "--resume", ckpt)
        assert r.returncode == 2 and message in r.stderr and r.stderr.count("\n") == 1, r.stderr
    r = run_cli("solve", other, "-m", "eg", "--resume", ckpt)
    assert r.returncode == 2 and "different game" in r.stderr
    damaged = tmp_path / "damaged.ckpt"
    data = bytearray(ckpt.read_bytes())
    data[-3] ^= 0xFF
    damaged.write_bytes(bytes(data))
    r = run_cli("solve", game, "-m", "eg", "--resume", damaged)
    assert r.returncode == 2 and "damaged" in r.stderr
