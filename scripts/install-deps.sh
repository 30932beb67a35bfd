#!/usr/bin/env bash
# Installs every Debian package Equilibria needs to build, test and benchmark.
# Idempotent: does nothing when all packages are present.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libgmp-dev            # exact rationals (gmpxx)
  coinor-libclp-dev     # LP solver
  nlohmann-json3-dev    # JSON in and out
  libcli11-dev          # command-line parsing
  libeigen3-dev         # dense linear algebra for path following (logit QRE)
  libgtest-dev libgmock-dev libbenchmark-dev
  lrslib                # lrsnash: live peer for bimatrix tests and benchmarks
  python3-pytest python3-numpy python3-matplotlib
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer (-fsanitize=fuzzer) lives in clang's runtime package
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
