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
    # Uniform play scores 11/24 = 0.458; seed 3 measures 0.00732 (ES) and 0.0158 (OS) after
    # 20000 iterations: the bounds allow 15% above those (the seed makes the run deterministic).
    for method, measured in (("mccfr-es", 0.00732), ("mccfr-os", 0.0158)):
        log = tmp_path / (method + ".csv")
        p = run_cli("solve", "--game", "kuhn", "-m", method, "--iterations", "20000", "--seed", "3", "--log", log, "-f", "json")
        assert p.returncode == 0, p.stderr
        final = json.loads(p.stdout)["exploitability"]
        assert final < measured * 1.15
        rows = [line.split(",") for line in open(log).read().split()[1:]]
        assert int(rows[-1][0]) == 20000 and abs(float(rows[-1][2]) - final) < 1e-5
        assert float(rows[0][2]) > 0.3 and float(rows[0][2]) > 20 * final  # the curve falls from near uniform
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


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def reseal(data):
    """The checkpoint's checksum made right again, as a deliberate forger would."""
    import struct

    return data[:16] + struct.pack("<Q", fnv1a(data[24:])) + data[24:]


def start_long_run(ck, *extra):
    import subprocess

    from conftest import CLI

    return subprocess.Popen(
        [CLI, "solve", "--game", "leduc", "-m", "cfr+", "--iterations", "100000000", "--checkpoint", str(ck), "-f", "json", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_a_signal_saves_the_checkpoint_and_the_answer(tmp_path, signal_name):
    import signal
    import time

    ck = tmp_path / "state.ck"
    run = start_long_run(ck, "--checkpoint-every", "1")
    # The first periodic checkpoint shows the run is in its loop (handlers installed), however loaded the machine.
    deadline = time.time() + 60
    while not ck.exists() and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(1)
    run.send_signal(getattr(signal, signal_name))
    out, err = run.communicate(timeout=60)
    assert run.returncode == 0, err
    stopped = json.loads(out)
    done = stopped["iterations"]
    assert stopped["status"] == "stopped" and 0 < done < 100000000
    assert stopped["exploitability"] < 0.1 and stopped["exact"] is False
    assert err.splitlines() == ["equilibria: %s (%s) after %d iterations; checkpoint saved to %s"
                                % ("terminated" if signal_name == "SIGTERM" else "interrupted", signal_name, done, ck)]
    # The checkpoint holds exactly the state printed: resuming runs on, bit-identical to an unbroken run.
    resumed = run_cli("solve", "--game", "leduc", "-m", "cfr+", "--iterations", done + 40, "--resume", ck, "-f", "json", timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    whole = run_cli("solve", "--game", "leduc", "-m", "cfr+", "--iterations", done + 40, "-f", "json", timeout=120)
    a, b = json.loads(resumed.stdout), json.loads(whole.stdout)
    assert a["iterations"] == done + 40 and a["status"] == "complete"
    assert a["equilibria"] == b["equilibria"] and a["exploitability"] == b["exploitability"]


def test_periodic_checkpoints_survive_a_kill(tmp_path):
    import time

    ck = tmp_path / "state.ck"
    run = start_long_run(ck, "--checkpoint-every", "0.3")
    deadline = time.time() + 30
    while not ck.exists() and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.7)
    run.kill()  # SIGKILL: nothing runs after it
    run.communicate(timeout=30)
    assert ck.exists()
    out = json.loads(run_cli("solve", "--game", "leduc", "-m", "cfr+", "--iterations", "1", "--resume", ck, "-f", "json").stdout)
    assert out["iterations"] > 1  # the checkpoint is past the requested count: nothing more runs
    assert run_cli("solve", "--game", "leduc", "--checkpoint-every", "1").returncode == 2  # needs --checkpoint


def test_resume_refuses_other_options(tmp_path):
    ck = tmp_path / "dcfr.ck"
    assert run_cli("solve", "--game", "kuhn", "-m", "dcfr", "--iterations", "20", "--checkpoint", ck).returncode == 0
    for extra, taken, now in [
        (["-m", "dcfr", "--alpha", "2"], "--alpha 1.5", "--alpha 2"),
        (["-m", "dcfr", "--simultaneous"], "updates alternating", "updates simultaneous"),
        (["-m", "dcfr", "--gamma", "3", "--beta", "0.5"], "--beta 0, --gamma 2", "--beta 0.5, --gamma 3"),
        (["-m", "cfr+"], "method dcfr", "method cfr+"),
        (["-m", "mccfr-os"], "method dcfr", "method mccfr-os"),
    ]:
        p = run_cli("solve", "--game", "kuhn", "--iterations", "40", "--resume", ck, *extra)
        assert p.returncode == 2 and p.stdout == ""
        assert p.stderr == "equilibria: %s: the checkpoint was taken with %s; this run has %s\n" % (ck, taken, now)
    mc = tmp_path / "os.ck"
    run_cli("solve", "--game", "kuhn", "-m", "mccfr-os", "--iterations", "50", "--seed", "3", "--checkpoint", mc)
    p = run_cli("solve", "--game", "kuhn", "-m", "mccfr-os", "--iterations", "90", "--resume", mc, "--seed", "4", "--epsilon", "0.5")
    assert p.returncode == 2
    assert "taken with --epsilon 0.6, --seed 3; this run has --epsilon 0.5, --seed 4" in p.stderr
    assert run_cli("solve", "--game", "kuhn", "-m", "mccfr-os", "--iterations", "90", "--resume", mc, "--seed", "3").returncode == 0


def test_resume_refuses_a_damaged_checkpoint(tmp_path):
    import struct

    ck = tmp_path / "state.ck"
    assert run_cli("solve", "--game", "kuhn", "-m", "cfr+", "--iterations", "20", "--checkpoint", ck).returncode == 0
    good = ck.read_bytes()
    nan = good[:-8] + struct.pack("<d", float("nan"))
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 1
    for bytes_, cause in [(bytes(flipped), "checksum mismatch"), (good[:-3], "bytes of payload"),
                          (nan, "checksum mismatch"), (reseal(nan), "a non-finite number"), (b"", "not an Equilibria checkpoint")]:
        ck.write_bytes(bytes_)
        p = run_cli("solve", "--game", "kuhn", "-m", "cfr+", "--iterations", "40", "--resume", ck)
        assert p.returncode == 2 and p.stdout == "" and len(p.stderr.splitlines()) == 1
        assert cause in p.stderr, p.stderr
    ck.write_bytes(reseal(good))
    assert run_cli("solve", "--game", "kuhn", "-m", "cfr+", "--iterations", "40", "--resume", ck).returncode == 0


def test_plot_errors_are_one_line(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("iteration,seconds,exploitability\n1,0.1,0.5\n10,0.2,0.05\n")
    cases = [
        ("bad.csv", "iteration,seconds,exploitability\n1,0.1,half\n", "not a curve"),
        ("other.csv", "a,b\n1,2\n", "not a curve"),
        ("empty.csv", "", "no points"),
        ("binary.csv", b"\xff\xfe\x00garbage", "not a curve"),
    ]
    for name, text, cause in cases:
        f = tmp_path / name
        f.write_bytes(text if isinstance(text, bytes) else text.encode())
        p = run_cli("plot", good, f, "-o", tmp_path / "x.png")
        assert p.returncode == 2 and p.stdout == ""
        assert p.stderr.startswith("equilibria: %s: " % f) and cause in p.stderr and len(p.stderr.splitlines()) == 1, p.stderr
    # A directory is refused, not written beside as DIR.png.
    p = run_cli("plot", good, "-o", tmp_path)
    assert p.returncode == 2 and p.stderr == "equilibria: %s: is a directory; give the image's file name (e.g. curves.png)\n" % tmp_path
    assert not os.path.exists(str(tmp_path) + ".png")
    # A name without an extension is written as it is, as a PNG.
    p = run_cli("plot", good, "-o", tmp_path / "curves")
    assert p.returncode == 0 and open(tmp_path / "curves", "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    assert sorted(os.listdir(tmp_path)) == sorted(["good.csv", "curves"] + [name for name, _, _ in cases])


def test_plot_without_matplotlib_is_one_line(tmp_path):
    import subprocess

    from conftest import CLI

    fake = tmp_path / "site" / "matplotlib"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('No module named matplotlib')\n")
    good = tmp_path / "good.csv"
    good.write_text("iteration,seconds,exploitability\n1,0.1,0.5\n")
    p = subprocess.run([CLI, "plot", str(good), "-o", str(tmp_path / "x.png")], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=str(tmp_path / "site")), timeout=60)
    assert p.returncode == 2 and len(p.stderr.splitlines()) == 1
    assert p.stderr.startswith("equilibria: matplotlib: cannot be imported") and "python3-matplotlib" in p.stderr
    assert not (tmp_path / "x.png").exists()
