#!/usr/bin/env bash
# The search benchmark (not part of the test suite): query latency (p50/p99) over 100,000 posts on
# both engines, the embedded Lucene index and Elasticsearch 9.2.0 (started by
# scripts/ensure-elasticsearch.sh if none is running, and stopped afterwards if it was).
# Writes benchmark/results/search.md. Options: -Dposts=N -Druns=N -Dthreads=N -Dseconds=N.
set -euo pipefail
cd "$(dirname "$0")/.."

export GLIMPSE_ES_PORT=${GLIMPSE_ES_PORT:-9200}
if [ "$(scripts/ensure-elasticsearch.sh)" = started ]; then
  trap scripts/stop-elasticsearch.sh EXIT
fi
# Compiled in the reactor (no install): the classpath names the sibling modules' target/classes.
./mvnw -B -q -ntp -pl adapters -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
java -Xmx1g "$@" -cp "adapters/target/test-classes:adapters/target/classes:$(cat adapters/target/benchmark.classpath)" \
  io.glimpse.adapters.search.SearchBenchmark benchmark/results/search.md
