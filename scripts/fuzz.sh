#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, clang with ASan+UBSan) and runs each
# for SECONDS (default 60), one at a time, printing executions and findings.
# Exits non-zero when any harness finds something (crash, sanitizer report,
# exception other than InputError, timeout, memory blow-up).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]
#   EQUILIBRIA_FUZZ_BUILD  build tree (default build-fuzz); the corpus each
#                          harness grows is kept in it, under corpus/NAME
#   EQUILIBRIA_SHARED      the shared corpus (default ../shared)
#   EQUILIBRIA_CLI         CLI that writes the checkpoint and profile seeds
#                          (default build/equilibria, else built in the tree)
# A finding is saved as BUILD/findings/NAME-crash-... and reproduced with
#   BUILD/fuzz/fuzz_NAME FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(nfg efg preference_csv profile constraints checkpoint markov markov_policy)
dir=${EQUILIBRIA_FUZZ_BUILD:-build-fuzz}
shared=${EQUILIBRIA_SHARED:-../shared}

mkdir -p "$dir"
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DEQUILIBRIA_FUZZ=ON -DEQUILIBRIA_TESTS=OFF -DEQUILIBRIA_BENCH=OFF > "$dir/configure.log" 2>&1 ||
  { cat "$dir/configure.log"; exit 1; }
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cli=${EQUILIBRIA_CLI:-build/equilibria}
if [ ! -x "$cli" ]; then
  targets+=(equilibria)
  cli=$dir/equilibria
fi
cmake --build "$dir" -j "$(nproc)" --target "${targets[@]}"

# Seeds: the corpus games and malformed files where they lie (never copied
# into the repository), small hand-written inputs in fuzz/seeds, and
# checkpoints and solve outputs the CLI writes now.
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
max_len=65536
add_seeds() {  # add_seeds KIND FILE...: those at most max_len bytes
  mkdir -p "$seeds/$1"
  local kind=$1 f
  shift
  for f in "$@"; do
    if [ -f "$f" ] && [ "$(stat -c %s "$f")" -le $max_len ]; then
      cp "$f" "$seeds/$kind/$(echo "$f" | tr / _)"
    fi
  done
}
shopt -s nullglob globstar
add_seeds nfg "$shared"/games/**/*.nfg tests/malformed/*.nfg examples/*.nfg
add_seeds efg "$shared"/games/**/*.efg tests/malformed_efg/*.efg
add_seeds preference_csv examples/*.csv fuzz/seeds/preference_csv/*
add_seeds constraints fuzz/seeds/constraints/*
add_seeds profile fuzz/seeds/profile/*
add_seeds markov "$shared"/games/markov/*.json tests/malformed_markov/*.json
add_seeds markov_policy fuzz/seeds/markov_policy/*
mkdir -p "$seeds/checkpoint" "$seeds/work"
for m in cfr cfr+ linear-cfr dcfr pcfr+ mccfr-es mccfr-os; do
  "$cli" solve --game kuhn -m "$m" --iterations 10 --checkpoint "$seeds/checkpoint/$m.bin" \
    > "$seeds/profile/kuhn-$m.json"
done
"$cli" solve examples/prisoners_dilemma.nfg -m enumerate > "$seeds/profile/pd.json"
"$cli" generate uniform -s 3x3 --seed 1 -o "$seeds/work/3x3.nfg"
"$cli" solve "$seeds/work/3x3.nfg" -m enumerate > "$seeds/profile/3x3.json"
"$cli" generate uniform -s 2x3x2 --seed 1 -o "$seeds/work/2x3x2.nfg"
"$cli" solve "$seeds/work/2x3x2.nfg" -m logit > "$seeds/profile/2x3x2.json"
"$cli" solve --game "big_match(discount=1/2)" -f json > "$seeds/markov_policy/big_match.json"

mkdir -p "$dir/findings" "$dir/logs"
status=0
printf '%-16s %8s %12s %s\n' harness seconds executions result
for h in "${harnesses[@]}"; do
  corpus=$dir/corpus/$h
  mkdir -p "$corpus"
  log=$dir/logs/$h.log
  rc=0
  started=$SECONDS
  # libFuzzer stops itself at max_total_time; the outer timeout only guards
  # against a harness that never returns to it.
  timeout $((seconds + 120)) "$dir/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=$max_len -print_final_stats=1 -artifact_prefix="$dir/findings/$h-" \
    "$corpus" "$seeds/$h" > "$log" 2>&1 || rc=$?
  ran=$((SECONDS - started))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    result=ok
  else
    status=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    result="FINDING (exit $rc): $(grep -m1 -E 'FINDING|ERROR: (AddressSanitizer|libFuzzer|UndefinedBehaviorSanitizer)|runtime error' "$log" || true)"
    result+=$'\n'"  reproduce: $dir/fuzz/fuzz_$h ${artifact:-(see $log)}"
  fi
  printf '%-16s %8s %12s %s\n' "$h" "$ran" "${execs:-?}" "$result"
done
exit $status
