"""Numeric options: NaN, infinities and out-of-range values are refused with one
line and exit 2 by every command (CLI11's own range checks let NaN through)."""
import os

import pytest
from conftest import SOURCE, run_cli

CHICKEN = os.path.join(SOURCE, "examples", "chicken.nfg")

BAD = [
    ("solve", CHICKEN, "--time-limit", "nan"),
    ("solve", CHICKEN, "--time-limit", "inf"),
    ("solve", CHICKEN, "--time-limit", "-1"),
    ("solve", CHICKEN, "-m", "logit", "--lambda", "nan"),
    ("solve", CHICKEN, "-m", "logit", "--lambda", "1e999"),
    ("solve", "--game", "kuhn", "-m", "dcfr", "--alpha", "nan"),
    ("solve", "--game", "kuhn", "-m", "dcfr", "--beta", "-inf"),
    ("solve", "--game", "kuhn", "-m", "dcfr", "--gamma", "NaN"),
    ("solve", "--game", "kuhn", "-m", "mccfr-os", "--epsilon", "nan"),
    ("solve", "--game", "kuhn", "-m", "mccfr-os", "--epsilon", "2"),
    ("verify", CHICKEN, CHICKEN, "--tolerance", "nan"),
    ("verify", CHICKEN, CHICKEN, "--tolerance", "-1"),
    ("generate", "covariant", "-s", "2x2", "--rho", "nan"),
]


@pytest.mark.parametrize("args", BAD, ids=lambda a: " ".join(a[-2:]))
def test_non_finite_or_out_of_range_numbers_are_refused(args):
    p = run_cli(*args, timeout=30)
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert p.stderr.count("\n") == 1 and args[-2] in p.stderr, p.stderr


def test_an_astronomical_time_limit_means_no_limit():
    p = run_cli("solve", CHICKEN, "-m", "enumerate", "--time-limit", "1e300", "-f", "json")
    assert p.returncode == 0, p.stderr
    assert '"status": "complete"' in p.stdout
