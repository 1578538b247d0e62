#!/usr/bin/env bash
# The write benchmark (not part of the test suite; benchmark/README.md, "Writes"):
#   1. HTTP writes from wrk against Glimpse on PostgreSQL with the redis profile, next to the
#      trivial endpoint and pgbench  → benchmark/results/writes-postgres.md
#   2. the same for likes on the embedded default                      → benchmark/results/writes-embedded.md
#   3. fan-out of a post to 10,000 and 100,000 followers in Redis, next to redis-benchmark
#                                                                      → benchmark/results/fanout.md
# Usage: scripts/benchmark-writes.sh [postgres|embedded|fanout ...] [-Dconnections=N -Dseconds=N -Dwarmup=N ...]
# (default: all three). JVM options go to the benchmark; -DserverJvm="..." to the server it starts.
set -euo pipefail
cd "$(dirname "$0")/.."

parts=() options=()
for arg in "$@"; do
  case "$arg" in
    postgres|embedded|fanout) parts+=("$arg") ;;
    *) options+=("$arg") ;;
  esac
done
[ ${#parts[@]} -gt 0 ] || parts=(postgres embedded fanout)

scripts/ensure-postgres.sh >/dev/null
scripts/ensure-redis.sh
if ! command -v wrk >/dev/null; then
  echo "[benchmark] installing wrk from Debian's packages" >&2
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
fresh_database() {
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $1" -c "create database $1 owner glimpse"
}
# Compiled in the reactor (no install): the classpath names the sibling modules' target/classes.
./mvnw -B -q -ntp -pl api -am -DskipTests -Dskip.web test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
classes="api/target/test-classes:api/target/classes:processing/target/classes:adapters/target/classes"
classes="$classes:query-side/target/classes:command-side/target/classes:shared-events/target/classes"
run() { # main class, results file, then JVM options of this part
  local main=$1 results=$2
  shift 2
  java -Xmx2g "$@" "${options[@]}" -cp "$classes:$(cat api/target/benchmark.classpath)" "io.glimpse.benchmark.$main" "$results"
}
for part in "${parts[@]}"; do
  case "$part" in
    postgres) # on a PostgreSQL cluster of its own (WriteBenchmark says why)
      run WriteBenchmark benchmark/results/writes-postgres.md -Ddatabase=postgres ;;
    embedded)
      run WriteBenchmark benchmark/results/writes-embedded.md -Ddatabase=embedded -Dkinds=likes ;;
    fanout)
      fresh_database glimpse_fanout
      run FanOutBenchmark benchmark/results/fanout.md ;;
  esac
done
