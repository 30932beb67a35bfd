"""Behaviour of the `equilibria` command line: formats, exit codes, errors."""
import json
import os

import pytest
from conftest import SHARED, SOURCE, run_cli

EXAMPLE = os.path.join(SOURCE, "examples", "prisoners_dilemma.nfg")
E04 = os.path.join(SHARED, "games", "gambit", "e04.nfg")
MALFORMED = os.path.join(SOURCE, "tests", "malformed")


def malformed_cases():
    with open(os.path.join(MALFORMED, "expected.tsv")) as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            name, line, cause = row.rstrip("\n").split("\t")
            yield name, int(line), cause


@pytest.mark.parametrize("command", ["solve", "verify", "info", "convert", "bench", "generate", "plot"])
def test_every_command_has_help(command):
    p = run_cli(command, "--help")
    assert p.returncode == 0
    assert "Usage" in p.stdout or "usage" in p.stdout.lower()


def test_solve_json_follows_the_spec():
    p = run_cli("solve", EXAMPLE, "--method", "pure", "--format", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["game"] == {"players": 2, "strategies": [2, 2]}
    assert out["concept"] == "nash" and out["method"] == "pure" and out["exact"] is True
    assert out["equilibria"] == [{"strategies": [["0", "1"], ["0", "1"]], "payoffs": ["-2", "-2"], "regret": ["0", "0"]}]
    assert isinstance(out["seconds"], float)


def test_solve_gambit_lines_verify_as_exact(tmp_path):
    p = run_cli("solve", E04, "--method", "pure", "--format", "gambit")
    assert p.returncode == 0
    assert p.stdout.splitlines() == ["NE,1,0,0,1,0", "NE,0,0,1,0,1"]
    f = tmp_path / "eq.txt"
    f.write_text(p.stdout)
    v = run_cli("verify", E04, f)
    assert v.returncode == 0, v.stdout
    assert v.stdout.count("exact Nash equilibrium") == 2


def test_verify_reports_regret_and_failure():
    v = run_cli("verify", E04, "-", "--format", "json", stdin="NE,1/2,1/2,0,1,0\n")
    assert v.returncode == 1
    out = json.loads(v.stdout)
    assert out["all_nash"] is False
    assert out["profiles"][0]["regret"] == ["1/2", "0"]
    assert out["profiles"][0]["payoffs"] == ["-1/2", "1"]


def test_verify_reads_solve_output_and_floating_profiles(tmp_path):
    solved = run_cli("solve", E04, "-m", "enumerate", "--format", "json").stdout
    (tmp_path / "s.json").write_text(solved)
    assert run_cli("verify", E04, tmp_path / "s.json").returncode == 0
    approx = run_cli("verify", E04, "-", "--format", "json", stdin='{"strategies": [[0.9999999, 1e-7, 0], [1, 0]]}')
    out = json.loads(approx.stdout)["profiles"][0]
    assert out["exact"] is False and out["nash"] is True and out["epsilon"] < 1e-6


def test_info_reports_structure():
    out = json.loads(run_cli("info", EXAMPLE, "--format", "json").stdout)
    assert out["players"] == 2 and out["strategies"] == [2, 2]
    assert out["symmetric"] is True and out["zero_sum"] is False
    assert out["strategy_names"] == [["Quiet", "Confess"], ["Quiet", "Confess"]]
    zs = json.loads(run_cli("info", os.path.join(SHARED, "games", "random", "randzs_10x10_s20240.nfg"), "-f", "json").stdout)
    assert zs["zero_sum"] is True and zs["constant"] == "0"


def test_convert_round_trips(tmp_path):
    src = os.path.join(SHARED, "games", "gambit", "coordination_4x4_outcome.nfg")
    out = tmp_path / "c.nfg"
    assert run_cli("convert", src, "-o", out).returncode == 0
    a = run_cli("solve", src, "-m", "pure", "--format", "gambit").stdout
    b = run_cli("solve", out, "-m", "pure", "--format", "gambit").stdout
    assert a == b and a.count("NE,") == 4
    doc = json.loads(run_cli("convert", src, "--format", "json").stdout)
    assert doc["players"][0]["strategies"] == ["1-1", "1-2", "1-3", "1-4"]
    assert doc["players"][1]["payoffs"][0] == "1"


def test_limit_one_stops_after_one_equilibrium():
    # The time limit is only there to bound a regression; test_time_limits.py
    # checks limits where they trigger.
    p = run_cli("solve", os.path.join(SHARED, "games", "random", "rand_200x200_s7.nfg"), "--time-limit", "5", "--limit", "1", "-f", "json")
    out = json.loads(p.stdout)
    assert len(out["equilibria"]) == 1 and out["status"] == "limit-reached"


@pytest.mark.parametrize("args", [["solve"], ["solve", E04, "--method", "nonsense"], ["frobnicate"],
                                  ["solve", E04, "--time-limit", "-1"], ["verify", E04]])
def test_usage_errors_exit_2(args):
    assert run_cli(*args).returncode == 2


def test_missing_files_exit_2():
    p = run_cli("info", "/nonexistent.nfg")
    assert p.returncode == 2
    assert p.stderr.strip() == "equilibria: /nonexistent.nfg: cannot open file"


@pytest.mark.parametrize("name,line,cause", list(malformed_cases()))
def test_malformed_file_gives_one_line_and_exit_2(name, line, cause):
    path = os.path.join(MALFORMED, name)
    for command in (["solve", path, "--method", "pure"], ["info", path]):
        p = run_cli(*command, timeout=20)
        assert p.returncode == 2, p.stderr
        assert p.stdout == ""
        lines = p.stderr.splitlines()
        assert len(lines) == 1, p.stderr
        assert lines[0].startswith("equilibria: %s:%d: " % (path, line)), lines[0]
        assert cause in lines[0]


def test_malformed_corpus_is_large_enough():
    assert len(list(malformed_cases())) >= 30


def test_correlated_equilibria(tmp_path):
    chicken = os.path.join(SOURCE, "examples", "chicken.nfg")
    out = json.loads(run_cli("solve", chicken, "--concept", "ce", "-f", "json").stdout)
    assert out["concept"] == "ce" and out["exact"] is True and out["objective"]["value"] == "21/2"
    dist = {tuple(d["profile"]): d["probability"] for d in out["equilibria"][0]["distribution"]}
    assert dist == {(1, 1): "1/2", (0, 1): "1/4", (1, 0): "1/4"}
    assert out["equilibria"][0]["regret"] == ["0", "0"]
    c = tmp_path / "c.json"
    c.write_text('{"constraints": [{"payoff": 0, ">=": 8}]}')
    infeasible = json.loads(run_cli("solve", chicken, "--concept", "cce", "--constraints", c, "-f", "json").stdout)
    assert infeasible["status"] == "infeasible" and infeasible["equilibria"] == []
    c.write_text('{"constraints": [{"nonsense": 1}]}')
    bad = run_cli("solve", chicken, "--concept", "ce", "--constraints", c)
    assert bad.returncode == 2 and str(c) in bad.stderr
    assert run_cli("solve", chicken, "--concept", "ce", "--objective", "player:3").returncode == 2


@pytest.mark.parametrize("learner", ["regret-matching", "regret-matching+", "hedge", "optimistic-hedge", "swap-regret"])
def test_no_regret_dynamics(tmp_path, learner):
    log = tmp_path / "gap.csv"
    p = run_cli("solve", os.path.join(SOURCE, "examples", "chicken.nfg"), "-m", learner, "--iterations", "4000",
                "--log", log, "-f", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["concept"] == ("ce" if learner == "swap-regret" else "cce")
    assert out["exact"] is False and out["iterations"] == 4000 and out["gap"] < 0.01
    assert abs(sum(d["probability"] for d in out["equilibria"][0]["distribution"]) - 1) < 1e-9
    rows = open(log).read().splitlines()
    assert rows[0] == "iteration,seconds,gap" and len(rows) == 101


def test_correlated_equilibria_of_a_large_game(tmp_path):
    # 10^5 joint profiles: column generation keeps the LP small; the answer is still exact.
    game = tmp_path / "big.nfg"
    assert run_cli("generate", "uniform", "--size", "10x10x10x10x10", "--seed", "1", "-o", game).returncode == 0
    p = run_cli("solve", game, "--concept", "ce", "--time-limit", "60", "-f", "json", timeout=120)
    assert p.returncode == 0
    out = json.loads(p.stdout)
    assert out["status"] == "complete" and out["exact"] is True
    assert out["equilibria"][0]["regret"] == ["0"] * 5


def test_usage_errors_are_one_line():
    p = run_cli("solve", "x.nfg", "--method", "nonsense")
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
    assert p.stderr.startswith("equilibria: ")


def test_simpdiv_on_a_three_player_game():
    game = os.path.join(SHARED, "games", "gambit", "3x3x3.nfg")
    p = run_cli("solve", game, "--method", "simpdiv", "-f", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["method"] == "simpdiv" and out["status"] == "complete"
    assert out["stats"]["refined"] == 1 and out["stats"]["grids"] >= 1
    assert max(float(r) for r in out["equilibria"][0]["regret"]) < 1e-9  # strings when exact


def test_simpdiv_obeys_the_time_limit():
    p = run_cli("solve", os.path.join(SHARED, "games", "random", "rand_100x100_s7.nfg"), "--method", "simpdiv",
                "--time-limit", "1", "-f", "json", timeout=30)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["status"] == "stopped" and len(out["equilibria"]) == 1  # the best grid point, with its regret
    assert "time limit" in p.stderr


def test_risk_averse_equilibrium():
    pennies = os.path.join(SOURCE, "examples", "matching_pennies.nfg")
    p = run_cli("solve", pennies, "--concept", "risk-averse", "--risk-aversion", "1/2,3", "-f", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["concept"] == "risk-averse" and out["exact"] is True
    assert out["equilibria"][0]["strategies"] == [["1/2", "1/2"], ["1/2", "1/2"]]
    assert out["equilibria"][0]["regret"] == ["0", "0"]
    p = run_cli("solve", E04, "--concept", "risk-averse", "--risk-aversion", "0.1")
    assert p.returncode == 0 and "regret" in p.stdout


@pytest.mark.parametrize("args,cause", [
    (["--risk-aversion", "-1"], "--risk-aversion"),
    (["--risk-aversion", "x,1"], "--risk-aversion"),
])
def test_risk_averse_usage_errors(args, cause):
    p = run_cli("solve", E04, "--concept", "risk-averse", *args)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and cause in p.stderr


def test_risk_averse_needs_two_players():
    p = run_cli("solve", os.path.join(SHARED, "games", "gambit", "2x2x2.nfg"), "--concept", "risk-averse")
    assert p.returncode == 2 and "two-player" in p.stderr


def test_simpdiv_random_starts_find_several_equilibria():
    game = os.path.join(SHARED, "games", "gambit", "coord3.nfg")
    p = run_cli("solve", game, "--method", "simpdiv", "--starts", "20", "--seed", "3", "-f", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    profiles = [tuple(map(tuple, e["strategies"])) for e in out["equilibria"]]
    assert len(profiles) >= 3 and len(set(profiles)) == len(profiles)
    assert all(r in ("0", 0, 0.0) or abs(float(r)) < 1e-9 for e in out["equilibria"] for r in e["regret"])
    assert out["stats"]["starts"] == 20


def test_verify_checks_risk_averse_answers(tmp_path):
    game = os.path.join(SHARED, "games", "random", "rand_20x20_s20240.nfg")
    p = run_cli("solve", game, "--concept", "risk-averse", "--risk-aversion", "1/10", "-f", "json")
    assert p.returncode == 0, p.stderr
    answer = tmp_path / "ra.json"
    answer.write_text(p.stdout)
    ok = run_cli("verify", game, str(answer), "--risk-aversion", "1/10", "-f", "json")
    assert ok.returncode == 0, ok.stdout
    out = json.loads(ok.stdout)
    assert out["concept"] == "risk-averse" and out["all_nash"] is True
    # the same profile is neither a Nash equilibrium nor risk-averse at another aversion
    assert run_cli("verify", game, str(answer)).returncode == 1
    assert run_cli("verify", game, str(answer), "--risk-aversion", "1").returncode == 1


def test_game_from_standard_input():
    text = open(EXAMPLE).read()
    for command in (["solve", "-", "-m", "pure", "-f", "json"], ["info", "-", "-f", "json"]):
        p = run_cli(*command, stdin=text)
        assert p.returncode == 0, p.stderr
    assert json.loads(run_cli("solve", "-", "-m", "pure", "-f", "json", stdin=text).stdout)["equilibria"][0]["regret"] == ["0", "0"]
    tree = run_cli("convert", "--game", "kuhn", "-o", "-").stdout
    assert json.loads(run_cli("info", "-", "-f", "json", stdin=tree).stdout)["nodes"] == 58
    v = run_cli("verify", "-", "-", stdin=text)
    assert v.returncode == 2 and "cannot both come from standard input" in v.stderr


def test_a_directory_as_input_is_called_a_directory(tmp_path):
    p = run_cli("solve", tmp_path)
    assert p.returncode == 2 and p.stderr == "equilibria: %s: is a directory\n" % tmp_path


def test_a_fifo_without_a_writer_does_not_hang(tmp_path):
    import time

    fifo = tmp_path / "game.nfg"
    os.mkfifo(fifo)
    start = time.time()
    p = run_cli("solve", fifo, "--time-limit", "1", timeout=20)
    # The wait for data and the command's deadline are both 1 s: whichever
    # ends first, the command ends with one line and a documented status.
    no_data = p.returncode == 2 and p.stderr == "equilibria: %s: no data for 1 s (does anything write to it?)\n" % fifo
    stopped = p.returncode == 0 and "time limit" in p.stderr and p.stderr.count("\n") == 1
    assert no_data or stopped, (p.returncode, p.stderr)
    assert time.time() - start < 10


def test_a_fifo_with_a_writer_is_read(tmp_path):
    import threading

    fifo = tmp_path / "game.nfg"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: open(fifo, "w").write(open(EXAMPLE).read()), daemon=True)
    writer.start()
    p = run_cli("solve", fifo, "-m", "pure", "-f", "json", timeout=30)
    writer.join(timeout=30)
    assert p.returncode == 0 and json.loads(p.stdout)["equilibria"][0]["payoffs"] == ["-2", "-2"]


def test_outputs_follow_symlinks_and_keep_them(tmp_path):
    (tmp_path / "real").mkdir()
    link = tmp_path / "out.nfg"
    link.symlink_to("real/game.nfg")
    for _ in range(2):
        assert run_cli("convert", EXAMPLE, "-o", link).returncode == 0
    assert link.is_symlink() and "NFG 1 R" in (tmp_path / "real" / "game.nfg").read_text()
    assert sorted(os.listdir(tmp_path)) == ["out.nfg", "real"] and os.listdir(tmp_path / "real") == ["game.nfg"]


def test_outputs_write_through_fifos_and_devices(tmp_path):
    import stat
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo).read()), daemon=True)
    reader.start()
    assert run_cli("generate", "uniform", "--size", "2x2", "--seed", "1", "-o", fifo).returncode == 0
    reader.join(timeout=30)
    assert got and got[0].startswith("NFG") and stat.S_ISFIFO(os.stat(fifo).st_mode)
    # A link to /dev/null: the device stays a device (/dev/null itself is never touched otherwise).
    null = tmp_path / "null"
    null.symlink_to("/dev/null")
    assert run_cli("convert", EXAMPLE, "-o", null).returncode == 0
    assert null.is_symlink() and stat.S_ISCHR(os.stat(null).st_mode)
    # /dev/stdout is the descriptor, whatever it is (reached through a link here, so that a
    # broken build replaces only that link, never the system's /dev/stdout).
    out = tmp_path / "out"
    out.symlink_to("/dev/stdout")
    p = run_cli("convert", EXAMPLE, "-o", out)
    assert p.returncode == 0 and p.stdout.startswith("NFG 1 R") and out.is_symlink()
    p = run_cli("convert", EXAMPLE, "-o", "/dev/fd/1")
    assert p.returncode == 0 and p.stdout.startswith("NFG 1 R")
    assert sorted(os.listdir(tmp_path)) == ["null", "out", "out.fifo"]


def test_a_failed_rename_leaves_no_temporary(tmp_path):
    (tmp_path / "target").mkdir()
    p = run_cli("convert", EXAMPLE, "-o", tmp_path / "target")
    assert p.returncode == 2 and p.stderr.startswith("equilibria: %s: cannot write file" % (tmp_path / "target"))
    assert os.listdir(tmp_path) == ["target"] and os.listdir(tmp_path / "target") == []
