"""Tree `lp` on payoffs Clp cannot take at face value (1e19, 1e300, 30-digit
integers, beyond the double range, 1e-300 next to 1): an exact answer that
`verify` accepts, never a crash (these exited 134 with an uncaught
runtime_error). The games are extremes.sh's t and u trees."""
import json
import subprocess

import pytest

from conftest import CLI

VALUES = ["1e19", "1e300", "123456789012345678901234567890", "1e309", "1e-300", "1/1000000000000"]


def tree(name, v, sign):
    """Player 2 does not see player 1's move; sign +1: extremes.sh's u game, -1: its t game."""
    a, b = (f"-{v}", v) if sign < 0 else (v, f"-{v}")
    return (f'EFG 2 R "{name}" {{ "A" "B" }}\n""\n'
            'p "" 1 1 "" { "L" "R" } 0\np "" 2 1 "" { "l" "r" } 0\n'
            f't "" 1 "" {{ {a}, {b} }}\nt "" 2 "" {{ 1, -1 }}\n'
            'p "" 2 1 "" { "l" "r" } 0\n'
            f't "" 3 "" {{ 0, 0 }}\nt "" 4 "" {{ {b}, {a} }}\n')


@pytest.mark.parametrize("sign", [-1, 1], ids=["t", "u"])
@pytest.mark.parametrize("v", VALUES)
def test_lp_answers_exactly(tmp_path, v, sign):
    game = tmp_path / "extreme.efg"
    game.write_text(tree("x", v, sign))
    proc = subprocess.run([CLI, "solve", str(game), "-m", "lp", "-f", "json"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["exact"] is True
    assert out["equilibria"][0]["regret"] == ["0", "0"]
    answer = tmp_path / "answer.json"
    answer.write_text(proc.stdout)
    check = subprocess.run([CLI, "verify", str(game), str(answer)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
