#!/usr/bin/env python3
"""How far past `--time-limit` each method runs: every strategic and tree
method on a game it cannot finish within the limit, the wall time of the
whole command (process start, reading, solving, certifying, printing).

Usage: bench/time_limit_overshoot.py [build/equilibria] [--limit SECONDS]
Prints a Markdown table: method, game, limit, wall seconds, overshoot,
status. The overshoot allowed is the larger of 10% of the limit and 0.5 s.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

# (method, game, extra options); games are made by `generate` (names below)
# or built in (--game NAME).
CASES = [
    ("pure", "read:3000x3000", []),
    ("lemke-howson", "2p:300x300", []),
    ("enumerate", "2p:60x60", []),
    ("support", "2p:60x60", []),
    ("lp", "zs:1000x1000", []),
    ("logit", "5p:8x8x8x8x8", []),
    ("simpdiv", "4p:8x8x8x8", []),
    ("simpdiv", "5p:6x6x6x6x6", []),
    ("simpdiv", "2p:30x30", ["--starts", "100000"]),
    ("regret-matching", "4p:8x8x8x8", ["--iterations", "100000000"]),
    ("regret-matching+", "4p:8x8x8x8", ["--iterations", "100000000"]),
    ("hedge", "big:40x40x40", ["--iterations", "100000000"]),
    ("optimistic-hedge", "4p:8x8x8x8", ["--iterations", "100000000"]),
    ("swap-regret", "4p:8x8x8x8", ["--iterations", "100000000"]),
    ("sparse-cce", "4p:8x8x8x8", ["--iterations", "100000000"]),
    ("risk-averse", "2p:150x150", ["--concept", "risk-averse", "--risk-aversion", "0.1"]),
    ("risk-averse", "2p:300x300", ["--concept", "risk-averse", "--risk-aversion", "0.1"]),
    ("ce", "2p:100x100", ["--concept", "ce"]),
    ("cce", "4p:8x8x8x8", ["--concept", "cce"]),
    ("cfr", "leduc", ["--iterations", "100000000"]),
    ("cfr+", "leduc", ["--iterations", "100000000"]),
    ("linear-cfr", "leduc", ["--iterations", "100000000"]),
    ("dcfr", "leduc", ["--iterations", "100000000"]),
    ("pcfr+", "leduc", ["--iterations", "100000000"]),
    ("mccfr-es", "leduc", ["--iterations", "100000000"]),
    ("mccfr-os", "leduc", ["--iterations", "100000000"]),
    ("lp", "goofspiel(cards=4)", []),
    ("lcp", "goofspiel(cards=3)", []),
    ("lcp", "leduc", []),
    ("cfr", "build:liars_dice(dice=1,faces=6)", ["--iterations", "100000000"]),
]

GENERATE = {
    "read": ["uniform"],
    "2p": ["uniform"],
    "zs": ["zero-sum"],
    "4p": ["uniform"],
    "5p": ["uniform"],
    "big": ["uniform"],
}


def game_args(exe, game, workdir):
    """Command-line words naming `game`, generating its file the first time."""
    kind, _, size = game.partition(":")
    if kind == "build":
        return ["--game", size]
    if kind not in GENERATE:
        return ["--game", game]
    path = os.path.join(workdir, f"{kind}_{size}.nfg")
    if not os.path.exists(path):
        subprocess.run([exe, "generate", *GENERATE[kind], "-s", size, "--seed", "1", "-o", path], check=True,
                       capture_output=True)
    return [path]


def command(exe, method, game, extra, limit, workdir):
    words = [exe, "solve", *game_args(exe, game, workdir)]
    if method not in ("ce", "cce", "risk-averse"):
        words += ["-m", method]
    return words + extra + ["--time-limit", str(limit), "-f", "json"]


def measure(exe, method, game, extra, limit, workdir):
    words = command(exe, method, game, extra, limit, workdir)
    start = time.monotonic()
    proc = subprocess.run(words, capture_output=True, text=True, timeout=max(60, 20 * limit))
    wall = time.monotonic() - start
    status = f"exit {proc.returncode}"
    if proc.returncode == 0:
        try:
            status = json.loads(proc.stdout).get("status", "?")
        except json.JSONDecodeError:
            status = "bad json"
    return wall, status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("exe", nargs="?", default="build/equilibria")
    parser.add_argument("--limit", type=float, default=1.0)
    args = parser.parse_args()
    exe = os.path.abspath(args.exe)
    print(f"machine load (uptime): {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    print()
    print("| method | game | limit (s) | wall (s) | overshoot (s) | status |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    with tempfile.TemporaryDirectory() as workdir:
        for method, game, extra in CASES:
            # Generating the game is not part of the measurement.
            game_args(exe, game, workdir)
            wall, status = measure(exe, method, game, extra, args.limit, workdir)
            over = wall - args.limit
            worst = max(worst, over)
            label = game + ("" if not extra or extra[0] == "--iterations" else " " + " ".join(extra))
            print(f"| {method} | {label} | {args.limit:g} | {wall:.2f} | {over:+.2f} | {status} |", flush=True)
    print()
    print(f"largest overshoot: {worst:.2f} s (allowed: {max(0.5, 0.1 * args.limit):.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
