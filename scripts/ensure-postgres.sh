#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:5432 and has the role and databases Glimpse's tests,
# the postgres profile and the replay benchmark use: role glimpse (password glimpse), databases
# glimpse, glimpse_test and glimpse_benchmark.
# Starts the local cluster if it is installed but stopped, installs it from Debian's packages if it
# is missing (needs root). Says clearly what is missing when it cannot fix it.
set -euo pipefail

HOST=127.0.0.1
PORT=5432

say() { echo "[ensure-postgres] $*" >&2; }

ready() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

start_local_cluster() {
  local version
  for version in $(ls /etc/postgresql 2>/dev/null | sort -rn); do
    say "starting the local PostgreSQL $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
      || runuser -u postgres -- pg_ctlcluster "$version" main start 2>/dev/null || true
    ready && return 0
  done
  return 1
}

install_postgres() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    return 1
  fi
  say "PostgreSQL is not installed: installing it from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
}

as_superuser() {
  # Trust authentication on TCP (as on the project's machines), else the postgres OS user.
  if psql -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    psql -h "$HOST" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAq "$@"
  else
    runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -tAq "$@"
  fi
}

if ! ready; then
  start_local_cluster || { install_postgres && start_local_cluster; } || {
    say "PostgreSQL is not reachable on $HOST:$PORT and could not be started or installed."
    say "Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) and run again."
    exit 1
  }
fi

if [ "$(as_superuser -c "select 1 from pg_roles where rolname = 'glimpse'")" != 1 ]; then
  as_superuser -c "create role glimpse login password 'glimpse'"
fi
for db in glimpse glimpse_test glimpse_benchmark; do
  if [ "$(as_superuser -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
    as_superuser -c "create database $db owner glimpse"
  fi
done
say "PostgreSQL is ready on $HOST:$PORT (role glimpse, databases glimpse, glimpse_test and glimpse_benchmark)"
