#!/usr/bin/env bash
# Makes sure an Elasticsearch 9.2.0 node answers on 127.0.0.1:$GLIMPSE_ES_PORT (default 9200) for
# the Elasticsearch search adapter's tests. If none answers, it starts a throwaway single node:
# the minimal distribution (integ-test-zip) fetched from Maven Central through the Maven wrapper,
# unpacked under .elasticsearch/, with a fresh, empty data directory, run as an unprivileged
# system user (Elasticsearch refuses to run as root) on a Java 21+ runtime.
#
# Exit status 0 when the node is ready; prints "started" on stdout when this run started it (and
# nothing when one was already running), so that callers stop only a node they started, with
# scripts/stop-elasticsearch.sh (scripts/test.sh does both).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=9.2.0
PORT=${GLIMPSE_ES_PORT:-9200}
TRANSPORT_PORT=${GLIMPSE_ES_TRANSPORT_PORT:-$((PORT + 100))}
ES_USER=${GLIMPSE_ES_USER:-glimpse-es}
# .elasticsearch/workdir names where the node lives (for scripts/stop-elasticsearch.sh): here,
# unless the unprivileged user cannot reach this checkout (say, under /root), then /var/tmp.
LOCAL=$PWD/.elasticsearch
WORK=${GLIMPSE_ES_WORK:-$LOCAL}

say() { echo "[ensure-elasticsearch] $*" >&2; }
ready() { curl -fsS "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

if ready; then
  say "Elasticsearch is already running on 127.0.0.1:$PORT"
  exit 0
fi

# Elasticsearch 9 needs Java 21 or later; the build itself stays on Java 17.
java_home() {
  local candidate
  for candidate in "${ES_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
      /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
    if [ "${major:-0}" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
JAVA_21=$(java_home) || {
  say "Elasticsearch $VERSION needs Java 21 or later, and none was found under /usr/lib/jvm."
  say "Install one (e.g. Temurin 25) or point ES_JAVA_HOME at it, and run again."
  exit 1
}

run_as=()
if [ "$(id -u)" = 0 ]; then
  if ! id "$ES_USER" >/dev/null 2>&1; then
    say "creating the system user $ES_USER to run Elasticsearch (it refuses to run as root)"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER"
  fi
  run_as=(runuser -u "$ES_USER" --)
  if [ -z "${GLIMPSE_ES_WORK:-}" ] && ! runuser -u "$ES_USER" -- test -x "$PWD"; then
    WORK=/var/tmp/glimpse-elasticsearch
    say "$ES_USER cannot reach $PWD (a parent directory is closed to other users): using $WORK"
  fi
fi
HOME_DIR=$WORK/elasticsearch-$VERSION
mkdir -p "$WORK" "$LOCAL"
# A caller that names its own work directory (the reliability suite's private node) stops the node
# with the same GLIMPSE_ES_WORK; the pointer stays with the default node.
[ -n "${GLIMPSE_ES_WORK:-}" ] || echo "$WORK" > "$LOCAL/workdir"

if [ ! -x "$HOME_DIR/bin/elasticsearch" ]; then
  say "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION from Maven Central"
  ./mvnw -B -q -ntp -N dependency:copy \
    "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION:zip" \
    "-DoutputDirectory=$WORK" >&2
  rm -rf "$HOME_DIR"
  if command -v unzip >/dev/null; then
    unzip -q "$WORK/elasticsearch-$VERSION.zip" -d "$WORK"
  else
    (cd "$WORK" && jar xf "elasticsearch-$VERSION.zip")
  fi
  chmod +x "$HOME_DIR"/bin/* "$HOME_DIR"/modules/*/bin/* 2>/dev/null || true
  rm -f "$WORK/elasticsearch-$VERSION.zip"
fi

# A fresh node every time: tests must not depend on what an earlier run left behind. Only a restart
# of the same node (GLIMPSE_ES_KEEP_DATA=1, the reliability suite) keeps its data.
if [ "${GLIMPSE_ES_KEEP_DATA:-}" != 1 ]; then
  rm -rf "$WORK/data" "$WORK/logs"
fi
rm -rf "$WORK/tmp"
mkdir -p "$WORK/data" "$WORK/logs" "$WORK/tmp"
cat > "$HOME_DIR/config/elasticsearch.yml" <<EOF
cluster.name: glimpse-test
node.name: glimpse-test-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
transport.port: $TRANSPORT_PORT
path.data: $WORK/data
path.logs: $WORK/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
node.store.allow_mmap: false
action.auto_create_index: false
EOF

if [ ${#run_as[@]} -gt 0 ]; then
  chown -R "$ES_USER:" "$WORK"
  if ! "${run_as[@]}" test -w "$WORK/data"; then
    say "$ES_USER cannot write to $WORK/data; set GLIMPSE_ES_WORK to a directory it can reach"
    exit 1
  fi
fi

say "starting Elasticsearch $VERSION on 127.0.0.1:$PORT (Java: $JAVA_21)"
rm -f "$WORK/pid"
"${run_as[@]}" env ES_JAVA_HOME="$JAVA_21" ES_TMPDIR="$WORK/tmp" \
  ES_JAVA_OPTS="-Xms512m -Xmx512m ${GLIMPSE_ES_JAVA_OPTS:-}" \
  "$HOME_DIR/bin/elasticsearch" -d -p "$WORK/pid" >"$WORK/startup.log" 2>&1 || {
  say "Elasticsearch did not start; its output:"
  tail -n 50 "$WORK/startup.log" >&2 || true
  exit 1
}
for _ in $(seq 1 120); do
  if ready; then
    say "Elasticsearch is ready on 127.0.0.1:$PORT (stop it with scripts/stop-elasticsearch.sh)"
    echo started
    exit 0
  fi
  sleep 1
done
say "Elasticsearch did not become ready within 120 s; its log:"
tail -n 50 "$WORK/logs/glimpse-test.log" >&2 2>/dev/null || true
exit 1
