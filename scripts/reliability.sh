#!/usr/bin/env bash
# The reliability suite: the real jar (api/target/glimpse.jar) as a separate JVM, with its own
# PostgreSQL cluster, Redis and Elasticsearch node on free ports (never the shared ones; the cluster
# scenario uses the test suite's Elasticsearch with index names of its own when it answers), destroyed
# on purpose under load: kill -9 of the JVM, Redis wiped, Elasticsearch and PostgreSQL restarted.
# See benchmark/README.md, "Reliability".
#
#   scripts/reliability.sh            every scenario, several kill -9 rounds; writes benchmark/results/reliability.md
#   scripts/reliability.sh --quick    one kill -9 round, the Redis wipe and the cluster (scripts/test.sh runs this);
#                                     writes api/target/reliability.md
#   scripts/reliability.sh [--quick] --only kill,redis,cluster,postgres,elasticsearch
#
# Builds the jar first unless it exists (GLIMPSE_SKIP_BUILD=1 uses the one there is). Exits with 1
# when any check fails. Needs PostgreSQL's binaries (initdb, pg_ctl), redis-server, and for
# Elasticsearch what scripts/ensure-elasticsearch.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full results=benchmark/results/reliability.md only=
while [ $# -gt 0 ]; do
  case $1 in
    --quick) mode=quick results=api/target/reliability.md ;;
    --only) only=$2; shift ;;
    *) echo "reliability: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "reliability: $*" >&2; exit 1; }
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null \
  || fail "PostgreSQL's initdb and pg_ctl are missing (scripts/ensure-postgres.sh installs them)"
command -v redis-server >/dev/null || fail "redis-server is missing (scripts/ensure-redis.sh installs it)"

if [ "${GLIMPSE_SKIP_BUILD:-}" != 1 ] || [ ! -f api/target/glimpse.jar ]; then
  ./mvnw -B -q -ntp -Dskip.web -DskipTests package
fi
# The suite's classes are the api test sources, compiled in the reactor (no install).
./mvnw -B -q -ntp -Dskip.web -DskipTests -pl api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/reliability.classpath -Dmdep.includeScope=test
classes=api/target/test-classes:api/target/classes
for module in processing adapters query-side command-side shared-events; do classes=$classes:$module/target/classes; done
exec java -Xmx256m -cp "$classes:$(cat api/target/reliability.classpath)" \
  io.glimpse.reliability.ReliabilitySuite "$results" "$mode" $only
