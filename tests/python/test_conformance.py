"""The shared corpus checker (../shared/tools/conform.py) passes for every
method the CLI offers, on Gambit's games and on the random games."""
import os
import subprocess
import sys

import pytest
from conftest import CLI, SHARED

CONFORM = os.path.join(SHARED, "tools", "conform.py")
METHODS = "pure"


@pytest.mark.parametrize("corpus", ["gambit", "random"])
def test_conformance(corpus):
    p = subprocess.run(
        [sys.executable, CONFORM, "--cli", CLI, "--methods", METHODS, "--games",
         os.path.join(SHARED, "games", corpus), "--timeout", "60", "--budget", "600"],
        capture_output=True, text=True, timeout=900)
    last = p.stdout.strip().splitlines()[-1]
    assert p.returncode == 0, p.stdout[-3000:]
    assert last.endswith(" 0 failed"), last
    assert "not started" not in p.stdout
