#!/usr/bin/env python3
"""Mutation check: apply known-bad edits to a scratch copy, rebuild, and see
whether the tests notice.

Each mutation in tools/mutations.json is one (file, old, new) text edit with
the tests that should catch it (a GoogleTest filter and pytest selections).
The tool copies the working tree (tracked and untracked, not ignored files)
into a scratch directory, never touching the checkout, applies one mutation
at a time, rebuilds equilibria and unit_tests, runs the tests and reports each
mutation as killed (some test failed, named) or survived.

Rebuilds are incremental. With --seed-build DIR (an already built build tree
of this checkout) the copy reuses its objects: the scratch copy is bind-mounted
over the checkout's path in a private mount namespace (root and unshare
needed), so every path and command line matches and only the mutated file
recompiles; other processes keep seeing the real checkout. Without it the
scratch copy configures and builds its own tree once.

Usage: tools/mutation_check.py [--seed-build build-X] [--only NAME,...]
                               [--full] [--report tests/MUTATIONS.md]
"""
import argparse
import atexit
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(cmd, timeout=None):
    """(exit status, output); past the timeout the whole process group is killed and the status is None."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                         start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, out
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        return None, out


def copy_tree(scratch, seed_build):
    files = subprocess.run(["git", "-C", ROOT, "ls-files", "-co", "--exclude-standard", "-z"], check=True,
                           stdout=subprocess.PIPE).stdout.decode().split("\0")
    for f in files:
        src = os.path.join(ROOT, f)
        if not f or not os.path.isfile(src):
            continue
        dst = os.path.join(scratch, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)  # keeps mtimes: ninja sees nothing changed
    if seed_build:
        shutil.copytree(os.path.join(ROOT, seed_build), os.path.join(scratch, seed_build), symlinks=True)


class Runner:
    """Runs commands with the scratch copy seen at the checkout's path (seeded) or in place."""

    def __init__(self, scratch, seed_build):
        self.scratch = scratch
        self.seeded = seed_build is not None
        self.base = ROOT if self.seeded else scratch
        self.build = os.path.join(self.base, seed_build or "build-mutation")

    def run(self, command, timeout=None):
        if self.seeded:
            script = f"mount --bind {self.scratch} {ROOT} && cd {ROOT} && {command}"
            return sh(["unshare", "-m", "--propagation", "private", "bash", "-c", script], timeout)
        return sh(["bash", "-c", f"cd {self.scratch} && {command}"], timeout)

    def configure(self):
        if self.seeded:
            return 0, ""
        return self.run(f"cmake -S . -B {self.build} -G Ninja -DCMAKE_BUILD_TYPE=Release -DEQUILIBRIA_BENCH=OFF")

    def build_targets(self):
        return self.run(f"cmake --build {self.build} --target equilibria unit_tests -j {os.cpu_count()}")


def failed_tests(output):
    names = re.findall(r"^\[  FAILED  \] ([\w./]+)", output, re.M)
    names += re.findall(r"^FAILED (\S+)", output, re.M)
    names += re.findall(r"^ERROR (\S+)", output, re.M)
    return sorted(set(names))


def run_tests(runner, mutation, full, timeout, broken=()):
    """Names of the failing tests; `broken` (tests failing unmutated) are left out of every run."""
    env = (f"EQUILIBRIA_CLI={runner.build}/equilibria EQUILIBRIA_SHARED={os.path.dirname(ROOT)}/shared "
           f"EQUILIBRIA_SOURCE={runner.base}")
    caught, log = [], ""
    gfilter = "*" if full else mutation.get("gtest", "")
    broken_gtests = [b for b in broken if "::" not in b]
    deselect = "".join(f" --deselect '{b}'" for b in broken if "::" in b)
    if gfilter:
        if broken_gtests:
            gfilter += ("-" if "-" not in gfilter else ":") + ":".join(broken_gtests)
        rc, out = runner.run(f"{runner.build}/tests/unit/unit_tests --gtest_filter='{gfilter}' --gtest_brief=1",
                             timeout=timeout)
        log += out
        if rc is None:
            caught.append("unit_tests %s: past %d s" % (gfilter, timeout))
        elif rc != 0:
            caught += failed_tests(out) or ["unit_tests (exit %d)" % rc]
    selections = ["tests/python"] if full else mutation.get("pytest", [])
    for sel in selections:
        rc, out = runner.run(f"{env} /usr/bin/python3 -m pytest -q -x -p no:cacheprovider{deselect} {sel}", timeout=timeout)
        log += out
        if rc is None:
            caught.append("pytest %s: past %d s" % (sel, timeout))
        elif rc != 0:
            caught += failed_tests(out) or ["pytest %s (exit %d)" % (sel, rc)]
    return caught, log


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mutations", default=os.path.join(ROOT, "tools", "mutations.json"))
    ap.add_argument("--seed-build", help="an existing build tree of this checkout to reuse (relative path)")
    ap.add_argument("--scratch", help="scratch directory (default: a fresh one under /tmp)")
    ap.add_argument("--only", help="comma-separated mutation names")
    ap.add_argument("--full", action="store_true", help="run every unit test and pytest file for each mutation")
    ap.add_argument("--report", help="write a Markdown report here")
    ap.add_argument("--timeout", type=int, default=240,
                    help="seconds per test command; a mutated run past it counts as caught (a hang)")
    args = ap.parse_args()

    mutations = json.load(open(args.mutations))
    if args.only:
        wanted = set(args.only.split(","))
        mutations = [m for m in mutations if m["name"] in wanted]
    scratch = args.scratch or tempfile.mkdtemp(prefix="mut-", dir="/tmp")
    if not args.scratch:
        atexit.register(shutil.rmtree, scratch, True)
    if os.path.realpath(scratch).startswith(os.path.realpath(ROOT)):
        sys.exit("the scratch copy must lie outside the checkout")
    start = time.time()
    copy_tree(scratch, args.seed_build)
    runner = Runner(scratch, args.seed_build)
    rc, out = runner.configure()
    if rc != 0:
        sys.exit("configure failed:\n" + out)
    rc, out = runner.build_targets()
    if rc != 0:
        sys.exit("the unmutated copy does not build:\n" + out[-3000:])
    print(f"baseline built in {time.time() - start:.0f} s", flush=True)
    # The selected tests must pass unmutated, or a failure would prove nothing.
    union = {"gtest": ":".join(m["gtest"] for m in mutations if m.get("gtest")),
             "pytest": sorted({p for m in mutations for p in m.get("pytest", [])})}
    # pytest -x stops at the first failure: deselect each one found and run again.
    broken = []
    while True:
        failing, _ = run_tests(runner, union, args.full, 4 * args.timeout, broken)
        fresh = [f for f in failing if f not in broken and ("::" in f or re.fullmatch(r"[\w.]+", f))]
        if not failing:
            break
        if not fresh:
            sys.exit("tests fail without any mutation: " + ", ".join(failing))
        broken += fresh
    if broken:
        print("left out (failing without any mutation): " + ", ".join(broken), flush=True)
    print(f"baseline tests pass ({time.time() - start:.0f} s)", flush=True)

    results = []
    for m in mutations:
        t0 = time.time()
        path = os.path.join(scratch, m["file"])
        original = open(path).read()
        if original.count(m["old"]) != 1:
            results.append((m, "stale", ["the text to replace occurs %d times" % original.count(m["old"])], 0))
            print(f"{m['name']}: STALE", flush=True)
            continue
        try:
            with open(path, "w") as f:
                f.write(original.replace(m["old"], m["new"]))
            rc, out = runner.build_targets()
            if rc != 0:
                verdict, caught = "killed", ["does not compile"]
            else:
                caught, _ = run_tests(runner, m, args.full, args.timeout, broken)
                verdict = "killed" if caught else "survived"
        finally:
            with open(path, "w") as f:  # written now: newer than the mutated object, so rebuilt next time
                f.write(original)
        results.append((m, verdict, caught, time.time() - t0))
        print(f"{m['name']}: {verdict.upper()} ({time.time() - t0:.0f} s) {', '.join(caught[:4])}", flush=True)

    killed = sum(1 for _, v, _, _ in results if v == "killed")
    total = sum(1 for _, v, _, _ in results if v != "stale")
    elapsed = time.time() - start
    print(f"mutation score: {killed}/{total} killed in {elapsed:.0f} s")
    if args.report:
        lines = ["# Mutation check", "",
                 "Generated by `tools/mutation_check.py%s` (%s tests per mutation); %d of %d mutations killed, "
                 "%.0f s in all (2 cores)." % (" --seed-build " + args.seed_build if args.seed_build else "",
                                              "every" if args.full else "the selected", killed, total, elapsed),
                 "", "| mutation | file | what it breaks | verdict | caught by |", "|---|---|---|---|---|"]
        if broken:
            lines[3:3] = ["", "Left out because they failed before any mutation: " +
                          ", ".join("`%s`" % b for b in broken) + "."]
        for m, verdict, caught, _ in results:
            shown = ", ".join("`%s`" % c for c in caught[:3]) + (" ..." if len(caught) > 3 else "")
            lines.append(f"| {m['name']} | `{m['file']}` | {m['why']} | {verdict} | {shown} |")
        with open(args.report, "w") as f:
            f.write("\n".join(lines) + "\n")
    return 0 if killed == total else 1


if __name__ == "__main__":
    sys.exit(main())
