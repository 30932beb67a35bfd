"""The command line on Markov games: the shared checker, solve -> verify
round trips, wrong policies caught, generator determinism, time limits and
bad policy files."""
import json
import os
import subprocess
from fractions import Fraction

import pytest
from conftest import CLI, SHARED, run_cli

GAMES = os.path.join(SHARED, "games", "markov")
ZERO_SUM = sorted(f for f in os.listdir(GAMES) if f.endswith(".json"))


def solve_json(*args):
    r = run_cli("solve", *args, "-f", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def verify(game, policy, tmp_path, *extra):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(policy))
    return run_cli("verify", game, path, *extra)


def test_shared_markov_checker_passes():
    r = subprocess.run(["/usr/bin/python3", os.path.join(SHARED, "tools", "markov_check.py"), GAMES, "--cli", CLI,
                        "--reference", os.path.join(SHARED, "reference", "markov")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert " 0 failed" in r.stdout


@pytest.mark.parametrize("method", ["shapley", "hoffman-karp"])
@pytest.mark.parametrize("name", ZERO_SUM)
def test_solved_zero_sum_policies_verify(name, method, tmp_path):
    game = os.path.join(GAMES, name)
    answer = solve_json(game, "--method", method)
    r = verify(game, answer, tmp_path, "-f", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    out = json.loads(r.stdout)
    assert out["equilibrium"] and out["policy"] == "stationary"
    # An exact answer verifies with exactly zero regret.
    if answer["exact"]:
        assert out["exact"] and out["regret"] == ["0", "0"]


def test_a_wrong_policy_has_its_exact_regret(tmp_path):
    # Big Match, d = 1/2: Max's first action at the play state for sure is
    # predictable, and Min, answering it, gains: Min's regret is exact and > 0.
    game = os.path.join(GAMES, "big_match_d1_2.json")
    answer = solve_json(game)
    assert answer["exact"]
    policy = answer["policies"]
    play = next(s for s in policy[0] if len(policy[0][s]) == 2)
    policy[0][play] = ["1", "0"]
    r = verify(game, {"policies": policy}, tmp_path, "-f", "json")
    assert r.returncode == 1, r.stdout + r.stderr
    out = json.loads(r.stdout)
    assert not out["equilibrium"]
    assert out["certificate"] == "exact"
    assert out["max_regret"] != "0" and max(float(q) for q in out["regret"]) > 0


def test_backward_induction_answers_verify_exactly(tmp_path):
    game = tmp_path / "g.json"
    r = run_cli("generate", "markov", "--players", 2, "--states", 4, "--actions", 2, "--horizon", 3, "--seed", 2, "-o", game)
    assert r.returncode == 0, r.stderr
    for concept in ["nash", "ce", "cce"]:
        answer = solve_json(game, "--concept", concept)
        assert answer["exact"], concept
        r = verify(game, answer, tmp_path, "-f", "json")
        assert r.returncode == 0, r.stdout + r.stderr
        out = json.loads(r.stdout)
        assert out["exact"] and out["max_regret"] == "0", concept
        assert out["values"] == answer["values"], concept


def test_a_shifted_correlated_policy_is_caught(tmp_path):
    # Repeated Chicken would do; any game where the welfare CE is not pure
    # dominance works: move all of one state's mass to a single joint action
    # the CE does not use and the certificate must see a positive regret.
    game = tmp_path / "g.json"
    run_cli("generate", "markov", "--players", 2, "--states", 3, "--actions", 3, "--horizon", 2, "--seed", 5, "-o", game)
    answer = solve_json(game, "--concept", "ce")
    changed = False
    for step in answer["correlated"]:
        for state, dist in step.items():
            used = {tuple(e["profile"]) for e in dist}
            actions = json.loads(open(game).read())["states"]
            names = next(s for s in actions if s["name"] == state)["actions"]
            for a in names[0]:
                for b in names[1]:
                    if (a, b) not in used and not changed:
                        step[state] = [{"profile": [a, b], "probability": "1"}]
                        changed = True
    assert changed
    r = verify(game, answer, tmp_path, "-f", "json")
    out = json.loads(r.stdout)
    # Either some player regrets the forced action, or it happens to be an
    # equilibrium too; the exit status must say which, consistently.
    assert (r.returncode == 0) == out["equilibrium"]
    assert (out["max_regret"] == "0") == out["equilibrium"]


def test_independent_learners_certify_their_mixture(tmp_path):
    game = tmp_path / "g.json"
    run_cli("generate", "markov", "--players", 2, "--states", 3, "--actions", 2, "--horizon", 2, "--seed", 7, "-o", game)
    log = tmp_path / "curve.csv"
    out = solve_json(game, "--method", "independent", "--iterations", 60, "--log", log)
    assert out["concept"] == "cce" and out["episodes"] == 60
    # Small enough for the exact posterior expansion: the gap is exact, and
    # the learners' own regret bound (the mean best-response gain) is above it.
    assert out["certificate"] == "exact"
    gap = float(Fraction(out["gap"]))
    rows = log.read_text().splitlines()
    assert rows[0].startswith("iteration,seconds,exploitability")
    last = [float(x) for x in rows[-1].split(",")]
    assert last[0] == 60 and gap <= last[2] * (1 + 1e-9)
    r = run_cli("plot", log, "-o", tmp_path / "curve.png")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "curve.png").read_bytes()[:4] == b"\x89PNG"
    # Discounted games are refused with one line.
    r = run_cli("solve", os.path.join(GAMES, "repeated_2x2.json"), "--method", "independent")
    assert r.returncode == 2 and "finite" in r.stderr
    assert r.stderr.count("\n") == 1


def test_generator_is_deterministic_and_round_trips(tmp_path):
    a = run_cli("generate", "markov", "--players", 3, "--states", 5, "--horizon", 4, "--seed", 9)
    b = run_cli("generate", "markov", "--players", 3, "--states", 5, "--horizon", 4, "--seed", 9)
    assert a.returncode == 0 and a.stdout == b.stdout
    path = tmp_path / "g.json"
    path.write_text(a.stdout)
    c = run_cli("convert", path, "-o", tmp_path / "h.json")
    assert c.returncode == 0, c.stderr
    assert json.loads((tmp_path / "h.json").read_text()) == json.loads(a.stdout)
    info = run_cli("info", path)
    assert info.returncode == 0 and "5" in info.stdout


def test_time_limit_stops_shapley_with_a_certified_interval(tmp_path):
    game = tmp_path / "big.json"
    run_cli("generate", "markov", "--states", 3000, "--actions", 4, "--branching", 3, "--discount", "999/1000",
            "--zero-sum", "--seed", 4, "-o", game, timeout=120)
    answer = solve_json(game, "--method", "shapley", "--tolerance", "1e-12", "--time-limit", "1.5")
    assert answer["status"] == "stopped"
    assert answer["seconds"] < 3
    for v in answer["values"]:
        assert v["lower"] <= v["upper"]


@pytest.mark.parametrize("policy, cause", [
    ({"policies": [{"s": ["1", "0"]}, {"s": ["1", "0"]}]}, "no mix for state"),
    ({"policies": [{"s": ["1", "0"], "zero": ["1"], "two": ["1"], "nowhere": ["1"]},
                   {"s": ["1", "0"], "zero": ["1"], "two": ["1"]}]}, "unknown state"),
    ({"policies": [{"s": ["1/2", "1/3"], "zero": ["1"], "two": ["1"]},
                   {"s": ["1", "0"], "zero": ["1"], "two": ["1"]}]}, "sum to 5/6"),
    ({"policies": [{"s": ["-1", "2"], "zero": ["1"], "two": ["1"]},
                   {"s": ["1", "0"], "zero": ["1"], "two": ["1"]}]}, "negative"),
    ({"policies": [[{"s": ["1", "0"]}], [{"s": ["1", "0"]}]]}, "stationary"),
    ({"concept": "ce", "correlated": []}, "finite-horizon"),
    ({"strategies": [[1, 0]]}, "no \"policies\""),
])
def test_bad_policies_are_refused_with_one_line(policy, cause, tmp_path):
    r = verify(os.path.join(GAMES, "irrational_value.json"), policy, tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert cause in r.stderr
    assert r.stderr.count("\n") == 1 and "policy.json" in r.stderr


def extreme_game(tmp_path, discounted):
    # 1e300 and 1e-300 in one game (the shared sqrt(17)-3 game's rewards replaced).
    game = json.load(open(os.path.join(GAMES, "irrational_value.json")))
    rewards = [("1e300", "-1e300"), ("1e-300", "-1e-300"), ("0", "0"), ("2e299", "-2e299")]
    for outcome, r in zip(game["states"][0]["outcomes"], rewards):
        outcome["rewards"] = list(r)
    if not discounted:
        del game["discount"]
        game["horizon"] = 3
    path = tmp_path / ("extreme_d.json" if discounted else "extreme_h.json")
    path.write_text(json.dumps(game))
    return path


@pytest.mark.parametrize("discounted, args", [
    (True, ["-m", "shapley"]), (True, ["-m", "hoffman-karp"]),
    (False, ["--concept", "nash"]), (False, ["--concept", "ce"]), (False, ["--concept", "cce"]),
    (False, ["-m", "independent", "--iterations", "20"]),
])
def test_extreme_rewards_are_solved_honestly(discounted, args, tmp_path):
    game = extreme_game(tmp_path, discounted)
    r = run_cli("solve", game, *args, "-f", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "complete"
    if "values" in out and discounted:
        # Certified widths are relative to the game's largest value (1e300 / (1 - 1/2) here).
        bounds = [(float(Fraction(str(v["lower"]))), float(Fraction(str(v["upper"])))) for v in out["values"]]
        largest = max(max(abs(lo), abs(hi)) for lo, hi in bounds)
        assert largest > 1e299
        for lo, hi in bounds:
            assert lo <= hi and hi - lo <= 1e-6 * largest
    if not discounted and args[0] == "--concept":
        assert out["exact"] and out["regret"] == ["0", "0"]
    if "policies" in out or "correlated" in out:
        v = verify(game, out, tmp_path, "-f", "json")
        assert v.returncode == 0, v.stdout + v.stderr
