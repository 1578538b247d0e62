#!/usr/bin/env bash
# What a tracking processor's fetch with gaps costs as the event table grows: Axon's one query
# against the two of TunedJpaEventStorageEngine, on H2 and on a PostgreSQL cluster of its own
# (benchmark/README.md, "Writes"). Writes benchmark/results/gaps.md. Options: -Druns=N.
set -euo pipefail
cd "$(dirname "$0")/.."

exec scripts/run-benchmark.sh 1g GapQueryBenchmark benchmark/results/gaps.md "$@"
