#!/usr/bin/env bash
# Builds Glimpse and runs one benchmark main class from the api test sources with the test
# classpath: scripts/run-benchmark.sh <heap> <class> <results file> [JVM options...]
set -euo pipefail
cd "$(dirname "$0")/.."
heap=$1 main=$2 results=$3
shift 3
./mvnw -B -q -ntp -DskipTests install
./mvnw -B -q -ntp -pl api dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java "-Xmx$heap" "$@" -cp "api/target/test-classes:api/target/classes:$(cat api/target/benchmark.classpath)" \
  "io.glimpse.benchmark.$main" "$results"
