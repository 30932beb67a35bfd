"""Options and methods the other CLI tests never exercise, each checked so
that the test fails when the option is ignored (two settings that must give
different answers, or an answer with a property only the option gives)."""
import csv
import json
import math
import os
from fractions import Fraction

from conftest import SHARED, SOURCE, run_cli

GAMBIT = os.path.join(SHARED, "games", "gambit")


def solve(*args):
    r = run_cli("solve", *args, "-f", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def exact(strategies):
    return [[Fraction(v) for v in s] for s in strategies]


def test_label_picks_the_path():
    game = os.path.join(GAMBIT, "6x6_game_with_75_eq.nfg")
    found = {}
    for label in (1, 2):
        out = solve(game, "-m", "lemke-howson", "--label", label)
        assert out["stats"]["paths"] == 1
        assert len(out["equilibria"]) == 1 and out["equilibria"][0]["regret"] == ["0", "0"]
        found[label] = exact(out["equilibria"][0]["strategies"])
    assert found[1] != found[2]  # these two labels end at different equilibria
    assert found[1] == [[0, 0, 0, 0, 1, 0], [1, 0, 0, 0, 0, 0]]


def test_exact_pivoting_and_threads_agree_with_the_default_and_are_honoured():
    game = os.path.join(SHARED, "games", "random", "rand_20x20_s7.nfg")
    default = solve(game, "-m", "lemke-howson", "--threads", "1")
    exact = solve(game, "-m", "lemke-howson", "--exact-pivoting", "--threads", "3")
    assert exact["equilibria"] == default["equilibria"]
    # The options reach the solver: every pivot in rationals, the threads asked for.
    assert default["stats"]["threads"] == 1 and exact["stats"]["threads"] == 3
    assert exact["stats"]["exact_pivots"] == exact["stats"]["pivots"] > 0
    assert default["stats"]["exact_pivots"] < default["stats"]["pivots"]


def test_arithmetic_is_honoured_and_cliques_reported():
    game = os.path.join(GAMBIT, "6x6_game_with_75_eq.nfg")
    ex = solve(game, "-m", "enumerate", "--arithmetic", "exact")
    fl = solve(game, "-m", "enumerate", "--arithmetic", "double")
    assert ex["stats"]["exact_arithmetic"] == 1 and fl["stats"]["exact_arithmetic"] == 0
    assert len(ex["equilibria"]) == len(fl["equilibria"]) == 75
    assert "cliques" not in ex
    # Kreps-Wilson: the pure equilibrium (3, 2) and a segment of row 1 against mixes of the columns.
    kw = solve(os.path.join(GAMBIT, "e04.nfg"), "-m", "enumerate", "--cliques")
    assert len(kw["equilibria"]) == 3
    assert len(kw["cliques"]) == 2 and len(kw["components"]) == 2


def test_support_enumeration_finds_fully_mixed_equilibria():
    r = run_cli("solve", "-", "-m", "support", "-f", "gambit",
                stdin='NFG 1 R "pennies" { "1" "2" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n')
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["NE,1/2,1/2,1/2,1/2"]


def kuhn(method, *extra, iterations=200):
    return solve("--game", "kuhn", "-m", method, "--iterations", iterations, *extra)


def test_tree_variants_and_their_parameters_change_the_run():
    uniform = 11 / 24  # OpenSpiel: uniform play in Kuhn poker
    runs = {m: kuhn(m)["exploitability"] for m in ("cfr", "linear-cfr", "dcfr")}
    for m, e in runs.items():
        assert e < uniform / 20, m
    assert len(set(runs.values())) == 3  # three different algorithms
    assert kuhn("dcfr", "--alpha", "1")["exploitability"] != runs["dcfr"]
    assert kuhn("dcfr", "--beta", "-1")["exploitability"] != runs["dcfr"]
    assert kuhn("dcfr", "--gamma", "1")["exploitability"] != runs["dcfr"]
    assert kuhn("cfr", "--simultaneous")["exploitability"] != runs["cfr"]
    os_default = kuhn("mccfr-os", iterations=2000)["exploitability"]
    assert kuhn("mccfr-os", "--epsilon", "0.3", iterations=2000)["exploitability"] != os_default


def test_log_every_sets_the_rows(tmp_path):
    log = tmp_path / "curve.csv"
    kuhn("cfr", "--log", log, "--log-every", 7, iterations=30)
    rows = list(csv.DictReader(open(log)))
    assert [int(r["iteration"]) for r in rows] == [7, 14, 21, 28, 30]  # and the last iteration
    # CFR's first curve points on Kuhn (OpenSpiel: 0.0687 after 10 iterations) fall.
    values = [float(r["exploitability"]) for r in rows]
    assert values == sorted(values, reverse=True) and values[0] < 11 / 24


def test_sparse_cce_support_and_learner():
    game = os.path.join(GAMBIT, "5x4x3.nfg")
    one = solve(game, "-m", "sparse-cce", "--support", 1)
    assert len(one["equilibria"][0]["mixture"]) == 1
    rm = solve(game, "-m", "sparse-cce", "--support", 3, "--learner", "regret-matching+")
    hedge = solve(game, "-m", "sparse-cce", "--support", 3, "--learner", "hedge")
    assert len(rm["equilibria"][0]["mixture"]) <= 3
    assert rm["equilibria"][0]["mixture"] != hedge["equilibria"][0]["mixture"]


def test_logit_lambda_gives_the_quantal_response_fixed_point():
    # Kreps-Wilson: payoffs from -2 to 3, so lambda applies to payoffs / 5.
    game = os.path.join(GAMBIT, "e04.nfg")
    a = [[0, 0], [-1, -1], [-2, 3]]  # row's payoffs by (row, column)
    b = [[0, 0], [2, 0], [-2, -1]]
    for lam in (0.5, 4.0):
        x, y = solve(game, "-m", "logit", "--lambda", lam)["equilibria"][0]["strategies"]
        ux = [sum(a[i][j] * y[j] for j in range(2)) for i in range(3)]
        uy = [sum(b[i][j] * x[i] for i in range(3)) for j in range(2)]
        for probs, u in ((x, ux), (y, uy)):
            w = [math.exp(lam / 5 * v) for v in u]
            for p, q in zip(probs, w):
                assert abs(p - q / sum(w)) < 1e-6, (lam, probs)


def test_preference_csv_through_solve_and_info():
    prefs = os.path.join(SOURCE, "examples", "preferences.csv")
    r = run_cli("solve", prefs, "-m", "lp", "-f", "gambit")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["NE,1/2,1/4,1/4,1/2,1/4,1/4"]
    info = run_cli("info", prefs)
    assert info.returncode == 0
    assert "zero-sum:     yes" in info.stdout and "symmetric:    yes" in info.stdout
    assert "3 strategies" in info.stdout


def test_bench_times_a_solve():
    r = run_cli("bench", os.path.join(GAMBIT, "e04.nfg"), "--method", "pure", "--repeat", 3)
    assert r.returncode == 0, r.stderr
    assert "3 runs, 2 equilibria" in r.stdout
    assert "read:" in r.stdout and "solve:" in r.stdout


def test_tree_lp_answers_by_itself_with_kuhns_value():
    # Kuhn poker is worth -1/18 to the first player; the LP must find it without its Lemke fallback.
    out = solve("--game", "kuhn", "-m", "lp")
    assert out["exact"] is True and out["nash_conv"] == 0
    assert out["stats"]["lemke_fallback"] == 0
    assert abs(out["stats"]["lp_value"] + 1 / 18) < 1e-9
    assert out["equilibria"][0]["payoffs"] == ["-1/18", "1/18"]
