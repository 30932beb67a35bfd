#!/usr/bin/env bash
# Builds and runs the whole test suite: the release build (unit tests, CLI
# tests, corpus conformance), an ASan+UBSan build of the unit tests and a short
# run of every fuzz harness (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
scripts/build.sh build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEQUILIBRIA_SANITIZE=ON -DEQUILIBRIA_BENCH=OFF
status=0
(cd build && ctest --output-on-failure -j "$(nproc)") || status=1
(cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j "$(nproc)" -L unit) || status=1
scripts/fuzz.sh 8 || status=1  # every reader's libFuzzer harness, 8 s each
exit $status
