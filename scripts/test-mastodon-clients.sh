#!/usr/bin/env bash
# The Mastodon client API driven by masto.js (clients/mastodon-test), against the jar that the Maven
# build made (api/target/glimpse.jar), started here on a free port with a fresh data directory.
# Installs the test's npm packages from the registry (npm ci) if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-mastodon-clients: $*" >&2; exit 1; }

command -v node >/dev/null && command -v npm >/dev/null \
  || fail "node and npm are needed (apt-get install -y nodejs npm)"
[ -f api/target/glimpse.jar ] || fail "no api/target/glimpse.jar: run ./mvnw package first"
if [ ! -d clients/mastodon-test/node_modules/masto ]; then
  (cd clients/mastodon-test && npm ci --no-audit --no-fund) || fail "npm ci in clients/mastodon-test failed"
fi

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/glimpse-mastodon-test.XXXXXX")
LOG="$DATA_DIR/server.log"
java -jar api/target/glimpse.jar --server.port="$PORT" --glimpse.data-dir="$DATA_DIR" >"$LOG" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA_DIR"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; fail "the server did not start"; }
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { tail -50 "$LOG" >&2; fail "the server is not healthy"; }

if ! (cd clients/mastodon-test && GLIMPSE_URL="http://127.0.0.1:$PORT" npm test); then
  tail -80 "$LOG" >&2
  fail "Mastodon client tests failed; the server log is above"
fi
echo "test-mastodon-clients: passed"
