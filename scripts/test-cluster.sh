#!/usr/bin/env bash
# The scale-out test alone (issue 20): two command and two query nodes of the jar on a private
# PostgreSQL and Redis, and the test suite's Elasticsearch (a private one when none answers on
# GLIMPSE_ES_PORT). scripts/test.sh runs it as part of scripts/reliability.sh --quick. Figures in
# api/target/reliability.md, the nodes' logs in api/target/reliability-logs/cluster-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/reliability.sh --quick --only cluster
