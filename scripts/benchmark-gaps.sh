#!/usr/bin/env bash
# What a tracking processor's fetch with gaps costs as the event table grows: Axon's one query
# against the two of GapsByIndexEventStorageEngine, on H2 and on a PostgreSQL cluster of its own
# (benchmark/README.md, "Writes"). Writes benchmark/results/gaps.md. Options: -Druns=N.
set -euo pipefail
cd "$(dirname "$0")/.."

# Compiled in the reactor (no install): the classpath names the sibling modules' target/classes.
./mvnw -B -q -ntp -pl api -am -DskipTests -Dskip.web test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
java -Xmx1g "$@" -cp "api/target/test-classes:api/target/classes:$(cat api/target/benchmark.classpath)" \
  io.glimpse.benchmark.GapQueryBenchmark benchmark/results/gaps.md
