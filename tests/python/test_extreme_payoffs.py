"""Every strategic method on random small games with extreme but valid payoffs
(1e-300 beside 1e300, beyond the double range, 100-digit integers, tiny
rationals next to ones): the exit status is one SPEC.md documents, a failure
is one line, and every answer's certificate is re-checked here by an oracle
written independently of the engine (Python fractions, brute force)."""
import itertools
import json
import random
from fractions import Fraction

import pytest
from conftest import run_cli

BIG = "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
PALETTE = ["0", "1", "-1", "3", "1e-300", "-1e-300", "1e300", "-1e300", "1e308", "1e309", "-1e309", BIG,
           "-" + BIG, "1/1000000000000", "65536", "7/3"]
SHAPES = [(2, 2), (3, 3), (2, 3), (2, 2, 2)]
NASH_METHODS = {2: ["pure", "enumerate", "lemke-howson", "support", "logit", "simpdiv"], 3: ["pure", "logit", "simpdiv"]}
LEARNERS = ["regret-matching", "regret-matching+", "hedge", "optimistic-hedge", "swap-regret", "sparse-cce"]
DOCUMENTED_EXITS = {0, 2, 3, 4}


def random_game(seed):
    rng = random.Random(seed)
    shape = SHAPES[seed % len(SHAPES)]
    profiles = list(itertools.product(*[range(k) for k in reversed(shape)]))
    texts = [[rng.choice(PALETTE) for _ in shape] for _ in profiles]
    nfg = 'NFG 1 R "extreme %d" { %s } { %s }\n\n%s\n' % (
        seed, " ".join('"P%d"' % (i + 1) for i in range(len(shape))), " ".join(map(str, shape)),
        " ".join(v for row in texts for v in row))
    return shape, [[Fraction(v) for v in row] for row in texts], nfg


def payoff(shape, table, profile, player):
    """Gambit's order: the first player's strategy changes fastest."""
    index, stride = 0, 1
    for p, s in enumerate(profile):
        index += s * stride
        stride *= shape[p]
    return table[index][player]


def joint_from_strategies(shape, strategies):
    joint = {}
    for profile in itertools.product(*[range(k) for k in shape]):
        w = Fraction(1)
        for p, s in enumerate(profile):
            w *= strategies[p][s]
        if w:
            joint[profile] = joint.get(profile, 0) + w
    return joint


def nash_regrets(shape, table, strategies):
    joint = joint_from_strategies(shape, strategies)
    regrets = []
    for i in range(len(shape)):
        value = sum(w * payoff(shape, table, prof, i) for prof, w in joint.items())
        best = max(
            sum(w * payoff(shape, table, prof[:i] + (d,) + prof[i + 1:], i) for prof, w in joint_from_strategies(
                shape, strategies[:i] + [[Fraction(int(k == d)) for k in range(shape[i])]] + strategies[i + 1:]).items())
            for d in range(shape[i]))
        regrets.append(best - value)
    return regrets


def correlated_gains(shape, table, joint, concept):
    gains = []
    for i in range(len(shape)):
        if concept == "cce":
            options = [sum(w * (payoff(shape, table, prof[:i] + (d,) + prof[i + 1:], i) - payoff(shape, table, prof, i))
                           for prof, w in joint.items()) for d in range(shape[i])]
        else:
            options = [sum(w * (payoff(shape, table, prof[:i] + (d,) + prof[i + 1:], i) - payoff(shape, table, prof, i))
                           for prof, w in joint.items() if prof[i] == r)
                       for r in range(shape[i]) for d in range(shape[i])]
        gains.append(max(0, max(options)))
    return gains


def as_fraction(x):
    """Exact for rational strings (and fractions already read), the double's value for numbers."""
    return Fraction(x) if isinstance(x, (str, Fraction)) else Fraction(float(x))


def check_distribution(vector, exact):
    probs = [as_fraction(x) for x in vector]
    assert all(p >= 0 for p in probs), vector
    if exact:
        assert sum(probs) == 1, vector
    else:
        assert abs(sum(probs) - 1) <= Fraction(1, 10**9), vector
    return probs


def check_answer(shape, table, out):
    exact = out["exact"]
    values = [v for row in table for v in row]
    tolerance = Fraction(1, 10**9) * max(1, max(values) - min(values))
    assert out["equilibria"] or out["method"] == "pure", out  # a game may have no pure equilibrium
    for eq in out["equilibria"]:
        reported = [as_fraction(r) for r in eq["regret"]]
        if "strategies" in eq:
            strategies = [check_distribution(v, exact) for v in eq["strategies"]]
            oracle = nash_regrets(shape, table, strategies)
        elif "distribution" in eq:
            joint = {}
            for entry in eq["distribution"]:
                joint[tuple(entry["profile"])] = as_fraction(entry["probability"])
            check_distribution(list(joint.values()), exact)
            oracle = correlated_gains(shape, table, joint, out["concept"])
        else:
            joint = {}
            weights = check_distribution([m["weight"] for m in eq["mixture"]], exact)
            for w, m in zip(weights, eq["mixture"]):
                for prof, q in joint_from_strategies(shape, [check_distribution(v, exact) for v in m["strategies"]]).items():
                    joint[prof] = joint.get(prof, 0) + w * q
            oracle = correlated_gains(shape, table, joint, "cce")
        for r, o in zip(reported, oracle):
            if exact:
                assert r == o == 0, (reported, oracle)
            else:
                # The printed epsilon bounds the printed profile's regret.
                assert o <= r + tolerance, (reported, oracle)


def runs():
    for seed in range(12):
        players = len(SHAPES[seed % len(SHAPES)])
        for m in NASH_METHODS[players] + LEARNERS:
            yield seed, ["-m", m, "--iterations", "200"]
        yield seed, ["--concept", "ce"]
        yield seed, ["--concept", "cce"]
        if players == 2:
            yield seed, ["--concept", "risk-averse", "--risk-aversion", "1/10"]


@pytest.mark.parametrize("seed,options", list(runs()))
def test_every_method_answers_extreme_payoffs_honestly(tmp_path, seed, options):
    shape, table, nfg = random_game(seed)
    game = tmp_path / "g.nfg"
    game.write_text(nfg)
    p = run_cli("solve", game, *options, "--time-limit", "10", "-f", "json", timeout=60)
    assert p.returncode in DOCUMENTED_EXITS, (p.returncode, p.stderr)
    if p.returncode != 0:
        assert p.stderr.count("\n") == 1 and p.stderr.startswith("equilibria: "), p.stderr
        return
    check_answer(shape, table, json.loads(p.stdout))


def test_the_oracle_sees_a_wrong_regret():
    """The oracle itself: matching pennies at a pure profile has regret 2."""
    shape = (2, 2)
    table = [[Fraction(1), Fraction(-1)], [Fraction(-1), Fraction(1)], [Fraction(-1), Fraction(1)], [Fraction(1), Fraction(-1)]]
    assert nash_regrets(shape, table, [[1, 0], [1, 0]]) == [0, 2]
    half = [Fraction(1, 2)] * 2
    assert nash_regrets(shape, table, [half, half]) == [0, 0]
    with pytest.raises(AssertionError):
        check_answer(shape, table, {"exact": True, "concept": "nash",
                                    "equilibria": [{"strategies": [["1", "0"], ["1", "0"]], "regret": ["0", "0"]}]})


def test_logit_on_a_game_whose_path_stalls(tmp_path):
    """The issue's game: the path stalls beside a degenerate set, its last point off the
    simplex; it once indexed an empty support (SIGSEGV). Now it refines to an equilibrium."""
    game = tmp_path / "stall.nfg"
    game.write_text('NFG 1 R "x" { "A" "B" } { 3 3 }\n0 0 -1 1 0 0 65536 -1 0 0 1 -1 0 0 -1 1 0 0\n')
    p = run_cli("solve", game, "-m", "logit", "-f", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    shape, table = (3, 3), [[Fraction(0), Fraction(0)], [Fraction(-1), Fraction(1)], [Fraction(0), Fraction(0)],
                            [Fraction(65536), Fraction(-1)], [Fraction(0), Fraction(0)], [Fraction(1), Fraction(-1)],
                            [Fraction(0), Fraction(0)], [Fraction(-1), Fraction(1)], [Fraction(0), Fraction(0)]]
    check_answer(shape, table, out)
    assert out["exact"] is True


def test_risk_aversion_beyond_what_doubles_resolve_is_refused(tmp_path):
    game = tmp_path / "huge.nfg"
    game.write_text('NFG 1 R "x" { "A" "B" } { 2 2 }\n1e309 0 0 0 0 0 0 1\n')
    p = run_cli("solve", game, "--concept", "risk-averse", "--risk-aversion", "1/10")
    assert p.returncode == 3, (p.returncode, p.stderr)
    assert p.stderr.count("\n") == 1 and "aversion" in p.stderr


def test_enumerate_refuses_more_than_256_strategies_with_one_line(tmp_path):
    game = tmp_path / "wide.nfg"
    assert run_cli("generate", "uniform", "-s", "257x3", "--seed", "1", "-o", game).returncode == 0
    p = run_cli("solve", game, "-m", "enumerate")
    assert p.returncode == 3, (p.returncode, p.stderr)  # a resource limit, not an internal error
    assert p.stderr.count("\n") == 1 and "260 strategies" in p.stderr


def test_out_of_memory_is_one_line_and_exit_3(tmp_path):
    """Under address-space limits that run out at different points of reading a big game,
    C++ allocations and GMP's (whose allocator may not return: it used to abort) both end
    in one line and exit status 3."""
    import resource
    import subprocess
    from conftest import CLI
    game = tmp_path / "big.nfg"
    assert run_cli("generate", "uniform", "-s", "20x20x20x20x20", "--seed", "1", "-o", game, timeout=120).returncode == 0
    for limit_mb in (200, 250, 300, 350, 400):
        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))

        p = subprocess.run([CLI, "solve", str(game), "-m", "pure"], capture_output=True, text=True,
                           preexec_fn=limit, timeout=120)
        assert p.returncode == 3, (limit_mb, p.returncode, p.stderr)
        assert p.stderr.count("\n") == 1 and "out of memory" in p.stderr, (limit_mb, p.stderr)
