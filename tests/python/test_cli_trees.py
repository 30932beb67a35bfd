"""The command line on game trees: CFR runs, curves, checkpoints, the
sequence-form LP, info and bad .efg files."""
import csv
import json
import os

import pytest
from conftest import SHARED, SOURCE, run_cli

MALFORMED = os.path.join(SOURCE, "tests", "malformed_efg")


def test_cfr_json_on_builtin_kuhn():
    out = json.loads(run_cli("solve", "--game", "kuhn", "-m", "cfr+", "--iterations", "1000", "-f", "json").stdout)
    assert out["exact"] is False and out["iterations"] == 1000
    assert out["game"] == {"players": 2, "infosets": [6, 6], "nodes": 58}
    eq = out["equilibria"][0]
    assert [len(p) for p in eq["behavior"]] == [6, 6]
    assert out["exploitability"] < 1e-4 and max(eq["regret"]) < 2e-4


def test_log_curve_decreases(tmp_path):
    log = tmp_path / "curve.csv"
    assert run_cli("solve", "--game", "leduc", "-m", "cfr+", "--iterations", "200", "--log", log).returncode == 0
    rows = list(csv.DictReader(open(log)))
    assert [int(r["iteration"]) for r in rows] == [1, 2, 5, 10, 20, 50, 100, 200]
    assert float(rows[0]["exploitability"]) == pytest.approx(2.37361, abs=1e-5)
    assert float(rows[-1]["exploitability"]) < 0.006


def test_checkpoint_resume_is_bit_identical(tmp_path):
    ck = tmp_path / "state.bin"
    whole = run_cli("solve", "--game", "leduc", "-m", "pcfr+", "--iterations", "120", "-f", "json").stdout
    run_cli("solve", "--game", "leduc", "-m", "pcfr+", "--iterations", "50", "--checkpoint", ck)
    resumed = run_cli("solve", "--game", "leduc", "-m", "pcfr+", "--iterations", "120", "--resume", ck, "-f", "json").stdout
    a, b = json.loads(whole), json.loads(resumed)
    assert a["equilibria"] == b["equilibria"] and a["exploitability"] == b["exploitability"]
    wrong = run_cli("solve", "--game", "kuhn", "-m", "pcfr+", "--resume", ck)
    assert wrong.returncode == 2 and "different game" in wrong.stderr


def test_time_limit_stops_cfr():
    p = run_cli("solve", "--game", "leduc", "--iterations", "100000000", "--time-limit", "0.5", "-f", "json", timeout=30)
    out = json.loads(p.stdout)
    assert out["status"] == "stopped" and 0 < out["iterations"] < 100000000


def test_lp_on_trees_is_exact():
    out = json.loads(run_cli("solve", "--game", "kuhn", "-m", "lp", "-f", "json").stdout)
    assert out["exact"] is True
    assert out["equilibria"][0]["payoffs"] == ["-1/18", "1/18"]
    assert out["equilibria"][0]["regret"] == ["0", "0"]


def test_info_and_convert_trees(tmp_path):
    info = json.loads(run_cli("info", "--game", "leduc", "-f", "json").stdout)
    assert info["nodes"] == 9457 and info["infosets"] == [468, 468] and info["zero_sum"] and info["perfect_recall"]
    bad = json.loads(run_cli("info", os.path.join(SHARED, "games", "gambit", "not_perfect_recall.efg"), "-f", "json").stdout)
    assert bad["perfect_recall"] is False and "imperfect_recall" in bad
    out = tmp_path / "kuhn.efg"
    assert run_cli("convert", "--game", "kuhn", "-o", out).returncode == 0
    assert json.loads(run_cli("info", out, "-f", "json").stdout)["nodes"] == 58


def test_methods_and_game_kinds_are_checked():
    assert run_cli("solve", "--game", "kuhn", "-m", "enumerate").returncode == 2
    assert run_cli("solve", "--game", "chess").returncode == 2
    assert run_cli("solve", os.path.join(SHARED, "games", "gambit", "not_perfect_recall.efg")).returncode == 2


def malformed():
    for row in open(os.path.join(MALFORMED, "expected.tsv")):
        if row.startswith("#") or not row.strip():
            continue
        name, line, cause = row.rstrip("\n").split("\t")
        yield name, int(line), cause


@pytest.mark.parametrize("name,line,cause", list(malformed()))
def test_malformed_trees_exit_2(name, line, cause):
    path = os.path.join(MALFORMED, name)
    p = run_cli("solve", path, timeout=20)
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.splitlines() == [p.stderr.strip()]
    assert p.stderr.startswith("equilibria: %s:%d: " % (path, line)) and cause in p.stderr


def test_mccfr_and_plot(tmp_path):
    curves = []
    for method in ("mccfr-es", "mccfr-os"):
        log = tmp_path / (method + ".csv")
        p = run_cli("solve", "--game", "kuhn", "-m", method, "--iterations", "20000", "--seed", "3", "--log", log, "-f", "json")
        assert p.returncode == 0, p.stderr
        assert json.loads(p.stdout)["exploitability"] < 0.05
        curves.append(log)
    png = tmp_path / "curves.png"
    p = run_cli("plot", *curves, "-o", png, "--title", "Kuhn")
    assert p.returncode == 0, p.stderr
    assert open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    assert run_cli("plot", tmp_path / "missing.csv", "-o", png).returncode == 2


def test_verify_behaviour_profiles(tmp_path):
    exact = tmp_path / "lp.json"
    exact.write_text(run_cli("solve", "--game", "kuhn", "-m", "lp", "-f", "json").stdout)
    p = run_cli("verify", "--game", "kuhn", exact, "-f", "json")
    assert p.returncode == 0
    out = json.loads(p.stdout)["profiles"][0]
    assert out["exact"] is True and out["nash"] is True and out["regret"] == ["0", "0"]
    rough = tmp_path / "cfr.json"
    rough.write_text(run_cli("solve", "--game", "kuhn", "-m", "cfr", "--iterations", "50", "-f", "json").stdout)
    p = run_cli("verify", "--game", "kuhn", rough, "-f", "json")
    assert p.returncode == 1 and json.loads(p.stdout)["profiles"][0]["nash_conv"] > 1e-3
    bad = tmp_path / "bad.json"
    bad.write_text('{"behavior": [[[1, 0]], []]}')
    assert run_cli("verify", "--game", "kuhn", bad).returncode == 2
