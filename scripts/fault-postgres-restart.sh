#!/usr/bin/env bash
# PostgreSQL stopped and started again under load (docs/deploy.md): while it is away every
# request must be answered quickly (503, not a hang, never a 500), /readyz must say so, and
# Acumen must recover by itself once it is back. Starts its own PostgreSQL on loopback.
# Usage: scripts/fault-postgres-restart.sh [SECONDS_DOWN]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
down=${1:-15}
swift build --product acumen >/dev/null 2>&1 || swift build --product acumen
bin="$PWD/.build/debug/acumen"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/acumen-pgfault.XXXXXX)
chown postgres:postgres "$work"
pg_port=$(( 56000 + RANDOM % 1000 ))
port=$(( 18200 + RANDOM % 100 ))
pg() { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -k $work" "$@" >/dev/null; }
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
runuser -u postgres -- "$pg_bin/initdb" -D "$work/data" -U acumen --auth=trust -E UTF8 >/dev/null
pg start
runuser -u postgres -- "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U acumen acumen

export DATABASE_URL="postgres://acumen@127.0.0.1:$pg_port/acumen?sslmode=disable"
export ACUMEN_ANONYMITY_KEY=$(printf 'k%.0s' $(seq 1 64)) LOG_LEVEL=warning
(cd "$work" && "$bin" demo --no-serve >/dev/null)
(cd "$work" && exec "$bin" serve --port "$port" >"$work/server.log" 2>&1) &
server=$!
python3 scripts/faults/postgres_restart.py "http://127.0.0.1:$port" "$down" \
  "runuser -u postgres -- $pg_bin/pg_ctl -D $work/data -m fast stop" \
  "runuser -u postgres -- $pg_bin/pg_ctl -D $work/data -l $work/pg.log -w -o '-c listen_addresses=127.0.0.1 -c port=$pg_port -k $work' start"
