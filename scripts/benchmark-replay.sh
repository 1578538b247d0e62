#!/usr/bin/env bash
# The replay benchmark (not part of the test suite): a million events stored straight into the
# event store of a fresh Glimpse, each projection replayed alone, next to a raw sequential scan of
# the event table. On the embedded H2 by default (benchmark/results/replay.md); with --postgres on
# the PostgreSQL database glimpse_benchmark, emptied first (benchmark/results/replay-postgres.md).
# JVM options follow: -Devents=N (default 1,000,000), -Dbatch=N (events per transaction, default
# 1,000), -Dprojections=a,b (default: all, and the baseline).
set -euo pipefail
cd "$(dirname "$0")/.."

results=benchmark/results/replay.md
if [ "${1:-}" = --postgres ]; then
  shift
  scripts/ensure-postgres.sh
  set -- -Dpostgres=jdbc:postgresql://127.0.0.1:5432/glimpse_benchmark "$@"
  results=benchmark/results/replay-postgres.md
fi
exec scripts/run-benchmark.sh 4g ReplayBenchmark "$results" "$@"
