#!/usr/bin/env bash
# The replay benchmark (not part of the test suite): a million events stored straight into the
# event store of a fresh embedded Glimpse, each projection replayed alone, next to a raw
# sequential scan of the event table. Writes benchmark/results/replay.md. Option: -Devents=N.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/run-benchmark.sh 4g ReplayBenchmark benchmark/results/replay.md "$@"
