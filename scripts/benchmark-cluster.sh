#!/usr/bin/env bash
# The scale-out benchmark (not part of the test suite; benchmark/README.md, "Scale-out"): write and
# read throughput of one node against two command and two query nodes of the jar, on PostgreSQL
# with Redis and Elasticsearch → benchmark/results/cluster.md
# Usage: scripts/benchmark-cluster.sh [-Dconnections=N -Dseconds=N -Dusers=N]
set -euo pipefail
cd "$(dirname "$0")/.."

# An Elasticsearch node of its own (port 9251 unless GLIMPSE_CLUSTER_ES_PORT says otherwise): the
# test suite's node on 9200 comes and goes with other runs on a shared machine.
export GLIMPSE_ES_PORT=${GLIMPSE_CLUSTER_ES_PORT:-9251}
export GLIMPSE_ES_WORK=$PWD/.elasticsearch/cluster-benchmark
scripts/ensure-postgres.sh >/dev/null
scripts/ensure-redis.sh
if [ "$(scripts/ensure-elasticsearch.sh)" = started ]; then
  trap scripts/stop-elasticsearch.sh EXIT
fi
if ! command -v wrk >/dev/null; then
  echo "[benchmark] installing wrk from Debian's packages" >&2
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
fresh_database="psql -h 127.0.0.1 -U postgres -q -c 'drop database if exists glimpse_cluster_bench' -c 'create database glimpse_cluster_bench owner glimpse'"
eval "$fresh_database"
# Compiled in the reactor (no install): the classpath names the sibling modules' target/classes.
./mvnw -B -q -ntp -pl api -am -DskipTests -Dskip.web test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
classes="api/target/test-classes:api/target/classes:processing/target/classes:adapters/target/classes"
classes="$classes:query-side/target/classes:command-side/target/classes:shared-events/target/classes"
java -Xmx1g "$@" -Delasticsearch="http://127.0.0.1:$GLIMPSE_ES_PORT" -cp "$classes:$(cat api/target/benchmark.classpath)" \
  io.glimpse.benchmark.ClusterBenchmark benchmark/results/cluster.md "$fresh_database"
