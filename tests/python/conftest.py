import os
import subprocess

import pytest

CLI = os.environ.get("EQUILIBRIA_CLI", os.path.join(os.path.dirname(__file__), "..", "..", "build", "equilibria"))
SHARED = os.environ.get("EQUILIBRIA_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
SOURCE = os.environ.get("EQUILIBRIA_SOURCE", os.path.join(os.path.dirname(__file__), "..", ".."))


def run_cli(*args, stdin=None, timeout=60):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, input=stdin, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli
