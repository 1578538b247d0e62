#!/usr/bin/env bash
# The timeline benchmark (not part of the test suite): fan-out to 10,000 followers, timeline read
# throughput and p99 against the trivial endpoint, and redis-benchmark's pipelined ZADD rate.
# Writes benchmark/results/timeline.md. Options: -Dfollowers=N -Dconcurrency=N -Dseconds=N.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-postgres.sh >/dev/null
scripts/ensure-redis.sh
if ! command -v wrk >/dev/null; then
  echo "[benchmark] installing wrk from Debian's packages" >&2
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
exec scripts/run-benchmark.sh 2g TimelineBenchmark benchmark/results/timeline.md "$@"
