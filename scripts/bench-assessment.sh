#!/usr/bin/env bash
# Measures the assessment targets (../shared/design/TARGETS.md) on a release build: customer
# questionnaire submissions and autosaves through personal links at 64 connections, and an
# individual report with twelve raters at 16 connections; on SQLite, and on PostgreSQL too
# when BENCH_POSTGRES_URL is set (its database is emptied first). Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
bench="$PWD/scripts/bench"
work=$(mktemp -d /tmp/acumen-bench.XXXXXX)
port=${PORT:-18081}
managers=${BENCH_ACCOUNT_MANAGERS:-4500}
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"

python3 "$bench/organisation.py" "$work" "$managers"

count() {
  if [ -n "${PG:-}" ]; then psql "$DATABASE_URL" -Atc "$1"; else sqlite3 "$work/bench.sqlite" "$1"; fi
}

measure() {
  local label=$1
  echo "## $label"
  rm -rf "$work"/bench.sqlite* "$work/mail"
  "$bin" demo --no-serve >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
  "$bin" import people "$work/people.csv" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
  "$bin" import accounts "$work/accounts.csv" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
  ACUMEN_MAIL_PICKUP="$work/mail" "$bin" serve --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  python3 "$bench/assessment_setup.py" "http://127.0.0.1:$port" "$work"
  echo "idle RSS: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"

  local before acknowledged after
  before=$(count "select count(*) from responses where source = 'customer' and status = 'submitted'")
  echo "### customer questionnaire submissions, 64 connections, 10 s"
  if [ -n "${PERF:-}" ]; then perf record -F 499 -g -p "$server" -o "$work/../acumen-submit.perf" -- sleep 8 >/dev/null 2>&1 & fi
  wrk -t2 -c64 -d10s --latency -s "$bench/submit.lua" "http://127.0.0.1:$port" -- "$work/tokens.txt" "$work/answers.json" \
    | tee "$work/submit.txt" | grep -E "Requests/sec|50%|90%|99%|acknowledged|refused"
  acknowledged=$(awk '/^acknowledged/ {print $2}' "$work/submit.txt")
  sleep 2 # requests still in flight when wrk stopped finish, unacknowledged
  after=$(count "select count(*) from responses where source = 'customer' and status = 'submitted'")
  local marked
  marked=$(count "select count(*) from invitations where submitted and source = 'customer'")
  echo "acknowledged submissions per second: $((acknowledged / 10))"
  echo "stored $((after - before)) new responses for $acknowledged acknowledged (the difference: requests in flight when wrk stopped)"
  echo "customer invitations answered: $marked; customer responses stored: $after (equal: each answered exactly once)"

  echo "### autosave of one answer, 64 connections, 10 s"
  if [ -n "${PERF:-}" ]; then perf record -F 499 -g -p "$server" -o "$work/../acumen-autosave.perf" -- sleep 8 >/dev/null 2>&1 & fi
  wrk -t2 -c64 -d10s --latency -s "$bench/autosave.lua" "http://127.0.0.1:$port" -- "$work/autosave.txt" \
    | grep -E "Requests/sec|99%|Non-2xx"

  # Peers and customers are shown only once a cycle has closed, so the report is measured on the
  # closed cycle; its first read builds the cycle's disclosure gate, which is then kept.
  local report token cycle
  report=$(cat "$work/report.txt")
  cycle=$(echo "$report" | cut -d/ -f3)
  token=$(curl -sf -H 'Content-Type: application/json' \
    -d '{"email": "ravi.shankar@northwind-mobility.example", "password": "acumen-demo"}' \
    "http://127.0.0.1:$port/api/v1/auth/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"from": "open"}' "http://127.0.0.1:$port/api/v1/cycles/$cycle/advance"
  echo "### disclosure gate of the closed cycle: built by the first read in $(curl -sf -o /dev/null -w '%{time_total}' \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/cycles/$cycle/results") s"

  echo "### individual report with 12 raters (HTML and SVG), closed cycle, 16 connections, 10 s"
  local jar="$work/cookies" csrf cookie
  csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
    --data-urlencode "email=ravi.shankar@northwind-mobility.example" --data-urlencode "password=acumen-demo" \
    "http://127.0.0.1:$port/login"
  cookie=$(awk '/acumen_session/ {print $7}' "$jar")
  curl -sf -H "Cookie: acumen_session=$cookie" -o "$work/report.html" "http://127.0.0.1:$port$report"
  grep -q "<svg" "$work/report.html" || { echo "report did not render"; exit 1; }
  if [ -n "${PERF:-}" ]; then perf record -F 499 -g -p "$server" -o "$work/../acumen-report.perf" -- sleep 8 >/dev/null 2>&1 & fi
  wrk -t2 -c16 -d10s --latency -H "Cookie: acumen_session=$cookie" "http://127.0.0.1:$port$report" \
    | grep -E "Requests/sec|99%|Non-2xx"
  echo "### /healthz, 16 connections, 10 s (reference)"
  wrk -t2 -c16 -d10s --latency "http://127.0.0.1:$port/healthz" | grep -E "Requests/sec|99%"
  echo "RSS after load: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status); peak: $(awk '/VmHWM/ {print $2 / 1024 " MB"}' /proc/$server/status)"
  sleep 10 # a background round returns freed memory to the system every 5 s
  echo "RSS 10 s later: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

export DATABASE_URL="sqlite://$work/bench.sqlite"
[ -n "${BENCH_SKIP_SQLITE:-}" ] || measure "SQLite"
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
  export DATABASE_URL="$BENCH_POSTGRES_URL" PG=1 ACUMEN_ANONYMITY_KEY=${ACUMEN_ANONYMITY_KEY:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}
  psql "$DATABASE_URL" -qc "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  measure "PostgreSQL"
fi
