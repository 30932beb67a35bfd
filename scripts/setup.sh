#!/usr/bin/env bash
# Installs dependencies (Debian packages), builds build/equilibria and solves
# a bundled game.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
build/equilibria solve examples/prisoners_dilemma.nfg --method pure
