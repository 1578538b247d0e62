#!/usr/bin/env bash
# Stops the Elasticsearch node that scripts/ensure-elasticsearch.sh started (by the pid it wrote);
# a node started otherwise is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

LOCAL=$PWD/.elasticsearch
WORK=${GLIMPSE_ES_WORK:-$(cat "$LOCAL/workdir" 2>/dev/null || echo "$LOCAL")}
say() { echo "[stop-elasticsearch] $*" >&2; }

[ -s "$WORK/pid" ] || exit 0
pid=$(cat "$WORK/pid")
if kill "$pid" 2>/dev/null; then
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "Elasticsearch ($pid) did not stop within 30 s: killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  say "Elasticsearch stopped"
fi
rm -f "$WORK/pid"
