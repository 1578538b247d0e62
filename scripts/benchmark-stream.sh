#!/usr/bin/env bash
# The live-stream benchmark (not part of the test suite): the delay from a write to its event at
# 1,000 open streams (p50/p99), and how many open streams one node holds, with the heap per stream.
# Glimpse runs as its own process (-Xmx1g); the clients run in the benchmark's. Writes
# benchmark/results/stream.md. Options: -Dlisteners=N -Dposts=N -Dlikes=N -DmaxStreams=N -Dstep=N
# -Dstore=memory|redis -Dbench.note="what else ran". Needs jcmd (the JDK's) for the server's GC.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ " $* " == *" -Dstore=redis "* ]]; then scripts/ensure-redis.sh; fi
# Compiled in the reactor (no install): the classpath names the sibling modules' target/classes.
./mvnw -B -q -ntp -pl api -am -DskipTests -Dskip.web test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
classes="api/target/test-classes:api/target/classes:query-side/target/classes:command-side/target/classes:shared-events/target/classes"
exec java -Xmx1g "$@" -cp "$classes:$(cat api/target/benchmark.classpath)" \
  io.glimpse.benchmark.StreamBenchmark benchmark/results/stream.md
