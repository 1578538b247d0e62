#!/usr/bin/env bash
# Makes sure Redis answers on 127.0.0.1:6379 (the Redis timeline store's tests use it). Starts a
# local redis-server without persistence if it is installed but not running, installs it from
# Debian's packages if it is missing (needs root). Says clearly what is missing when it cannot.
set -euo pipefail

say() { echo "[ensure-redis] $*" >&2; }
ready() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if ready; then
  say "Redis is ready on 127.0.0.1:6379"
  exit 0
fi
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Redis is not installed: installing it from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
  else
    say "Redis is neither running on 127.0.0.1:6379 nor installed; install redis-server and run again."
    exit 1
  fi
fi
say "starting redis-server on 127.0.0.1:6379 (no persistence)"
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
for _ in $(seq 1 50); do
  ready && { say "Redis is ready on 127.0.0.1:6379"; exit 0; }
  sleep 0.2
done
say "redis-server did not answer on 127.0.0.1:6379"
exit 1
