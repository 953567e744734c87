#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL cluster for the test suite and print the
# environment that points the tests at it. Installs Debian's postgresql when missing.
#   eval "$(scripts/postgres-test-cluster.sh)"
set -euo pipefail

PGPORT="${OGP_TEST_PGPORT:-54329}"
PGDIR="${OGP_TEST_PGDIR:-/tmp/ogp-wagtail-pg-$PGPORT}"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(find_bin)" ] || [ ! -x "$(find_bin)/initdb" ]; then
    echo "Installing Debian's postgresql..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
BIN="$(find_bin)"

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -s "$PGDIR/PG_VERSION" ]; then
    mkdir -p "$PGDIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
    as_postgres "$BIN/initdb" -D "$PGDIR" -A trust -U postgres -E UTF8 >/dev/null
fi
if ! as_postgres "$BIN/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
    as_postgres "$BIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w \
        -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
fi

echo "export OGP_TEST_DATABASE=postgres PGHOST=127.0.0.1 PGPORT=$PGPORT PGUSER=postgres"
