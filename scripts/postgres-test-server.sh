#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the tests and print its URL.
# Data is recreated each run; the server listens on 127.0.0.1 only. As root the server runs as
# the postgres user, which may not reach into the checkout (a clone in a private temporary
# directory, say), so the data then lives in /tmp/somevakt-pgtest-PORT; otherwise in
# var/pgtest. SOMEVAKT_PG_DIR overrides either.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${SOMEVAKT_PG_PORT:-54329}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RUNAS=()
DIR=${SOMEVAKT_PG_DIR:-$PWD/var/pgtest}
if [ "$(id -u)" = 0 ]; then
  RUNAS=(runuser -u postgres --)
  DIR=${SOMEVAKT_PG_DIR:-/tmp/somevakt-pgtest-$PORT}
  cd /  # the postgres user's tools start in the current directory, which it may not enter
fi
if [ -f "$DIR/postmaster.pid" ]; then "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true; fi
rm -rf "$DIR"; mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
"${RUNAS[@]}" "$BIN/initdb" -D "$DIR" -U somevakt --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"${RUNAS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U somevakt somevakt
echo "postgres://somevakt@127.0.0.1:$PORT/somevakt"
