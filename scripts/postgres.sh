#!/usr/bin/env bash
# A PostgreSQL 15 + PostGIS 3 server of its own, in a folder, on a loopback port (for the tests and run-cluster.sh).
#   scripts/postgres.sh install          apt-get installs postgresql and postgresql-15-postgis-3 when missing
#   scripts/postgres.sh start DIR PORT   creates the cluster in DIR (once) and starts it on 127.0.0.1:PORT;
#                                        prints the superuser's connection string (trust on loopback only)
#   scripts/postgres.sh stop DIR         stops it (fast shutdown)
# initdb refuses to run as root: as root the server runs as the `postgres` user the package creates.
# PG_FAST=1 turns off fsync (tests only: a crash of the machine may lose the cluster, which tests throw away anyway).
set -euo pipefail
bin=/usr/lib/postgresql/15/bin

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  install)
    if [ ! -x "$bin/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
      echo "== installing PostgreSQL 15 and PostGIS 3 from Debian" >&2
      as_root apt-get update -qq
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql postgresql-15-postgis-3 >/dev/null
    fi
    ;;
  start)
    dir="$(realpath -m "$2")"; port="$3"
    "$0" install
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300"
    if [ "${PG_FAST:-0}" = 1 ]; then options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -o "$options" -l "$dir/server.log" -w -t 60 start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    dir="$(realpath -m "$2")"
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    ;;
  *)
    echo "usage: $0 install | start DIR PORT | stop DIR" >&2; exit 2
    ;;
esac
