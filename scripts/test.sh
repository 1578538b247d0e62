#!/usr/bin/env bash
# The whole test suite: unit, aggregate-fixture, projection and end-to-end HTTP tests, on the
# embedded default and on PostgreSQL, Redis and Elasticsearch. Starts what it needs first, and
# stops the Elasticsearch node afterwards if it started it.
set -euo pipefail
cd "$(dirname "$0")/.."

export GLIMPSE_ES_PORT=${GLIMPSE_ES_PORT:-9200}
scripts/ensure-postgres.sh
scripts/ensure-redis.sh
if [ "$(scripts/ensure-elasticsearch.sh)" = started ]; then
  trap scripts/stop-elasticsearch.sh EXIT
fi
./mvnw -B -ntp verify "$@"
# The web site in a real browser, against the jar just built (see README, "Web frontend").
scripts/test-web.sh
# The Mastodon client API driven by masto.js, against the same jar (docs/mastodon-api.md).
scripts/test-mastodon-clients.sh
# The reliability suite's short part against the same jar, with private PostgreSQL and Redis
# instances: one kill -9 round, Redis wiped, and two command + two query nodes (the scale-out test:
# counters under concurrent writes, a query node killed, a replay with all nodes up) (benchmark/README.md,
# "Reliability"; README, "Tests").
GLIMPSE_SKIP_BUILD=1 scripts/reliability.sh --quick
