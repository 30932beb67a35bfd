"""CE/CCE from the command line: never infeasible without constraints, honest
statuses, time limits, and `verify` on CE/CCE answers."""
import json
import os
import time

from conftest import SOURCE, run_cli

CHICKEN = os.path.join(SOURCE, "examples", "chicken.nfg")


def solve_json(*args, **kw):
    p = run_cli("solve", *args, "-f", "json", **kw)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def test_large_payoff_four_player_games_are_solved_exactly(tmp_path):
    # Seeds on which "cce" was once reported infeasible (column generation's big-M master).
    for seed in (9, 12, 13, 15, 21, 26):
        game = tmp_path / f"g{seed}.nfg"
        assert run_cli("generate", "uniform", "-s", "5x5x5x5", "--range", "1000000", "--seed", str(seed),
                       "-o", game).returncode == 0
        for concept in ("cce", "ce"):
            out = solve_json(game, "--concept", concept)
            assert out["status"] == "complete" and out["exact"] is True, (seed, concept)
            assert out["equilibria"][0]["regret"] == ["0"] * 4
            answer = tmp_path / "answer.json"
            answer.write_text(json.dumps(out))
            assert run_cli("verify", game, answer).returncode == 0, (seed, concept)


def test_verify_checks_ce_and_cce_answers(tmp_path):
    answer = tmp_path / "ce.json"
    for concept in ("ce", "cce"):
        out = solve_json(CHICKEN, "--concept", concept)
        answer.write_text(json.dumps(out))
        p = run_cli("verify", CHICKEN, answer, "-f", "json")
        assert p.returncode == 0, p.stderr
        report = json.loads(p.stdout)
        assert report["concept"] == concept and report["all_equilibria"] is True
        assert report["distributions"][0]["regret"] == ["0", "0"]
    # All mass on (Dare, Dare): each player gains 2 by swerving.
    out["equilibria"][0]["distribution"] = [{"profile": [0, 0], "probability": "1"}]
    answer.write_text(json.dumps(out))
    p = run_cli("verify", CHICKEN, answer, "-f", "json")
    assert p.returncode == 1
    assert json.loads(p.stdout)["distributions"][0]["regret"] == ["2", "2"]
    # Not a distribution: one line, exit 2.
    out["equilibria"][0]["distribution"] = [{"profile": [0, 0], "probability": "1/2"}]
    answer.write_text(json.dumps(out))
    p = run_cli("verify", CHICKEN, answer)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and "sum to" in p.stderr


def test_verify_judges_learners_floating_cce_within_tolerance(tmp_path):
    answer = tmp_path / "cce.json"
    answer.write_text(json.dumps(solve_json(CHICKEN, "-m", "regret-matching", "--iterations", "20000")))
    assert run_cli("verify", CHICKEN, answer, "--tolerance", "1e-2").returncode == 0
    assert run_cli("verify", CHICKEN, answer, "--tolerance", "1e-12").returncode == 1


def test_json_numbers_beyond_the_double_range_are_one_line(tmp_path):
    cases = [("verify", CHICKEN, '{"strategies": [[1e400, 0], [1, 0]]}'),
             ("verify", CHICKEN, '{"concept": "ce", "equilibria": [{"distribution": '
                                 '[{"profile": [0, 0], "probability": 1e400}]}]}'),
             ("solve", CHICKEN, '{"constraints": [{"payoff": 0, "<=": 1e400}]}')]
    for command, game, text in cases:
        f = tmp_path / "in.json"
        f.write_text(text)
        args = [command, game, f] if command == "verify" else [command, game, "--concept", "ce", "--constraints", f]
        p = run_cli(*args)
        assert p.returncode == 2, (text, p.stderr)
        assert p.stderr.count("\n") == 1 and str(f) in p.stderr and "overflow" in p.stderr
    f.write_text('{"behavior": [[[1e400, 0]]]}')
    p = run_cli("verify", "--game", "kuhn", f)
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "overflow" in p.stderr


def test_json_and_gambit_lines_are_judged_alike(tmp_path):
    # A near-equilibrium written in decimals: Gambit's lines used to be read
    # as exact (and rejected), the same numbers in JSON as floating (accepted).
    game = tmp_path / "mp.nfg"
    game.write_text('NFG 1 R "mp" { "1" "2" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n')
    lines = tmp_path / "p.txt"
    lines.write_text("NE,0.5000000001,0.4999999999,0.5,0.5\n")
    as_json = tmp_path / "p.json"
    as_json.write_text('{"strategies": [[0.5000000001, 0.4999999999], [0.5, 0.5]]}')
    verdicts = [json.loads(run_cli("verify", game, f, "-f", "json").stdout)["profiles"][0] for f in (lines, as_json)]
    assert verdicts[0] == verdicts[1]
    assert verdicts[0]["exact"] is False and verdicts[0]["nash"] is True


def test_huge_payoffs_are_never_reported_as_the_time_limit(tmp_path):
    game = tmp_path / "huge.nfg"
    game.write_text('NFG 1 R "huge" { "1" "2" } { 2 2 }\n1e309 0 2 3 4 5 1 1e309\n')
    for concept in ("ce", "cce"):
        p = run_cli("solve", game, "--concept", concept, "-f", "json")
        assert p.returncode in (0, 3, 4), p.stderr
        if p.returncode == 0:
            out = json.loads(p.stdout)
            assert out["status"] == "complete"
            assert out["exact"] is True and out["equilibria"][0]["regret"] == ["0", "0"]
        else:
            assert p.stderr.count("\n") == 1


def test_time_limit_covers_the_ce_lp(tmp_path):
    game = tmp_path / "h.nfg"
    assert run_cli("generate", "uniform", "-s", "100x100", "--seed", "1", "-o", game).returncode == 0
    # Clp's own limit counts CPU seconds and is checked rarely: 6 s once ran 9 s.
    start = time.monotonic()
    out = solve_json(game, "--concept", "ce", "--time-limit", "6", timeout=60)
    elapsed = time.monotonic() - start
    assert elapsed < 6 * 1.1 + 0.3  # the limit's allowance, plus process start-up
    if out["status"] == "stopped" and out["equilibria"]:
        # The point reached carries exactly certified (floating) gains.
        assert out["exact"] is False and all(g >= 0 for g in out["equilibria"][0]["regret"])
