#!/usr/bin/env bash
# Measures customer questionnaire submissions on PostgreSQL through one app server, then through
# two app servers on the same database at once (release build, 64 connections in all, 5 s
# each: the links set aside for each run last about that long), for the production issue's "two servers give at least 1.6 times one server" target.
# Needs wrk and BENCH_POSTGRES_URL (its database is emptied first).
# Usage: BENCH_POSTGRES_URL=postgres://... scripts/bench-two-servers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BENCH_POSTGRES_URL:?set BENCH_POSTGRES_URL to a PostgreSQL database this script may empty}"
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
bench="$PWD/scripts/bench"
work=$(mktemp -d /tmp/acumen-bench.XXXXXX)
first_port=${PORT:-18081}
second_port=$((first_port + 1))
servers=()
cleanup() { for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export DATABASE_URL="$BENCH_POSTGRES_URL"
export ACUMEN_ANONYMITY_KEY=${ACUMEN_ANONYMITY_KEY:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"
echo "PostgreSQL, the app servers and wrk all run on this machine."

PGOPTIONS="--client-min-messages=warning" psql "$DATABASE_URL" -qc "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
python3 "$bench/organisation.py" "$work" 3000
"$bin" demo --no-serve >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
"$bin" import people "$work/people.csv" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
"$bin" import accounts "$work/accounts.csv" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }

serve() { # port, mail folder
  ACUMEN_MAIL_PICKUP="$2" "$bin" serve --port "$1" >"$work/server-$1.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return; sleep 0.2; done
  echo "server on port $1 did not start"; exit 1
}

serve "$first_port" "$work/mail"
python3 "$bench/assessment_setup.py" "http://127.0.0.1:$first_port" "$work"
# Three disjoint sets of links, so that no link is submitted twice across the runs.
total=$(wc -l <"$work/tokens.txt")
third=$((total / 3))
sed -n "1,${third}p" "$work/tokens.txt" >"$work/one.txt"
sed -n "$((third + 1)),$((2 * third))p" "$work/tokens.txt" >"$work/a.txt"
sed -n "$((2 * third + 1)),$((3 * third))p" "$work/tokens.txt" >"$work/b.txt"

submitted() { psql "$DATABASE_URL" -Atc "select count(*) from responses where source = 'customer' and status = 'submitted'"; }
load() { # port, connections, tokens, output
  wrk -t2 -c"$2" -d5s --latency -s "$bench/submit.lua" "http://127.0.0.1:$1" -- "$3" "$work/answers.json" >"$4"
}

echo "### one app server, 64 connections, 5 s"
before=$(submitted)
load "$first_port" 64 "$work/one.txt" "$work/one.out"
grep -E "Requests/sec|99%" "$work/one.out"
one=$(awk '/^acknowledged/ {print $2}' "$work/one.out")
sleep 2
echo "acknowledged per second: $((one / 5)); stored: $(($(submitted) - before)) of $third links set aside"

serve "$second_port" "$work/mail-second"
echo "### two app servers on the same PostgreSQL, 32 connections each, 5 s at once"
before=$(submitted)
load "$first_port" 32 "$work/a.txt" "$work/a.out" &
first_load=$!
load "$second_port" 32 "$work/b.txt" "$work/b.out"
wait "$first_load"
a=$(awk '/^acknowledged/ {print $2}' "$work/a.out")
b=$(awk '/^acknowledged/ {print $2}' "$work/b.out")
sleep 2
echo "server 1: $(grep -E 'Requests/sec|99%' "$work/a.out" | tr -s ' ' | tr '\n' ' ')"
echo "server 2: $(grep -E 'Requests/sec|99%' "$work/b.out" | tr -s ' ' | tr '\n' ' ')"
echo "acknowledged per second: $(((a + b) / 5)); stored: $(($(submitted) - before)) of $((2 * third)) links set aside"
python3 -c "import sys; one, two = int(sys.argv[1]), int(sys.argv[2]); print(f'two servers / one server: {two / one:.2f}')" "$one" "$((a + b))"
