#!/usr/bin/env bash
# The whole test suite: unit, aggregate-fixture, projection and end-to-end HTTP tests, on the
# embedded default and on PostgreSQL. Starts what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-postgres.sh
scripts/ensure-redis.sh
exec ./mvnw -B -ntp verify "$@"
