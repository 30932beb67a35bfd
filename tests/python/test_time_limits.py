"""--time-limit holds for the whole command: every strategic and tree method,
on a game it cannot finish in the limit, ends within the limit plus the
allowed overshoot (0.5 s at a 1 s limit) plus the process start, says
"stopped", and any answer it gives carries a certificate that `verify`
confirms (its regrets are not below what verify computes)."""
import json
import os
import random
import subprocess
import time

import pytest

from conftest import CLI

LIMIT = 1.0
ALLOWED = 0.5

GAMES = {  # name: `generate` arguments
    "2p300": ["uniform", "-s", "300x300"],
    "2p150": ["uniform", "-s", "150x150"],
    "2p60": ["uniform", "-s", "60x60"],
    "2p30": ["uniform", "-s", "30x30"],
    "zs600": ["zero-sum", "-s", "600x600"],  # 1000x1000: copying the matrices alone takes ~1 s
    "4p8": ["uniform", "-s", "8x8x8x8"],
    "4p9": ["uniform", "-s", "9x9x9x9"],
    "5p8": ["uniform", "-s", "8x8x8x8x8"],
    "3p40": ["uniform", "-s", "40x40x40"],
}

ITER = ["--iterations", "100000000"]
CASES = [
    ("pure", "read", []),  # reading a large file alone takes longer than the limit
    ("lemke-howson", "2p300", []),
    ("enumerate", "2p60", []),
    ("support", "2p60", []),
    ("lp", "zs600", []),
    ("logit", "5p8", []),
    ("simpdiv", "4p9", []),  # 4p8 can finish within the second
    ("simpdiv", "2p30", ["--starts", "100000"]),
    ("regret-matching", "4p8", ITER),
    ("regret-matching+", "4p8", ITER),
    ("hedge", "3p40", ITER),
    ("optimistic-hedge", "4p8", ITER),
    ("swap-regret", "4p8", ITER),
    ("sparse-cce", "4p8", ITER),
    (None, "2p150", ["--concept", "risk-averse", "--risk-aversion", "0.1"]),
    ("cfr", "leduc", ITER),
    ("cfr+", "leduc", ITER),
    ("linear-cfr", "leduc", ITER),
    ("dcfr", "leduc", ITER),
    ("pcfr+", "leduc", ITER),
    ("mccfr-es", "leduc", ITER),
    ("mccfr-os", "leduc", ITER),
    ("lp", "goofspiel(cards=4)", []),
    ("lcp", "leduc", []),  # its dense Lemke tableau no longer allocated before the first check
]


@pytest.fixture(scope="module")
def games(tmp_path_factory):
    d = tmp_path_factory.mktemp("limits")
    paths = {}
    for name, words in GAMES.items():
        paths[name] = str(d / f"{name}.nfg")
        subprocess.run([CLI, "generate", *words, "--seed", "1", "-o", paths[name]], check=True, capture_output=True)
    # 1400 x 1400 written directly: about 4 million payoffs to read.
    rng = random.Random(1)
    n = 1400
    with open(d / "read.nfg", "w") as f:
        f.write(f'NFG 1 R "read" {{ "1" "2" }} {{ {n} {n} }}\n')
        f.write(" ".join(str(rng.randrange(1000)) for _ in range(2 * n * n)))
        f.write("\n")
    paths["read"] = str(d / "read.nfg")
    return paths


@pytest.fixture(scope="module")
def process_start(games):
    """Seconds a trivial solve takes: process start and exit."""
    start = time.monotonic()
    subprocess.run([CLI, "solve", "--game", "kuhn", "-m", "cfr", "--iterations", "1"], capture_output=True, check=True)
    return time.monotonic() - start


def game_words(games, game):
    return [games[game]] if game in games else ["--game", game]


def check_certificate(words, out, tmp_path):
    eq = out["equilibria"]
    if not eq or not any(k in eq[0] for k in ("strategies", "behavior", "distribution")):
        return  # no answer, or one verify does not read (sparse-cce's mixture)
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps(out))
    proc = subprocess.run([CLI, "verify", *words, str(answer), "-f", "json"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    if out["exact"]:
        assert proc.returncode == 0, proc.stdout
    checked = json.loads(proc.stdout)
    items = checked.get("profiles") or checked.get("distributions")
    for claimed, actual in zip(eq, items):
        for c, a in zip(claimed["regret"], actual["regret"]):
            c, a = float(c), float(a)
            assert a <= c + 1e-6 * max(1.0, abs(c)), (claimed["regret"], actual["regret"])


@pytest.mark.parametrize("method,game,extra", CASES, ids=[f"{m or e[1]}-{g}" for m, g, e in CASES])
def test_the_limit_holds_for_the_whole_command(games, process_start, tmp_path, method, game, extra):
    words = game_words(games, game)
    cmd = [CLI, "solve", *words, *(["-m", method] if method else []), *extra, "--time-limit", str(LIMIT), "-f", "json"]
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    wall = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["status"] == "stopped"
    assert wall <= LIMIT + ALLOWED + process_start, f"{wall:.2f} s"
    check_certificate(words, out, tmp_path)


@pytest.mark.parametrize("spec", ["goofspiel(cards=5)", "liars_dice(dice=2,faces=6)"])
def test_builtin_trees_too_large_are_refused_with_their_size(spec):
    # These ran 40 s and then died out of memory.
    start = time.monotonic()
    proc = subprocess.run([CLI, "solve", "--game", spec, "-m", "cfr"], capture_output=True, text=True, timeout=60)
    assert time.monotonic() - start < 5
    assert proc.returncode == 3
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "nodes" in lines[0] and "GiB" in lines[0], proc.stderr
