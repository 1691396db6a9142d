#!/usr/bin/env bash
# Measures the dashboards on the demo data (release build, SQLite; needs wrk: apt-get install
# wrk): an account manager's own dashboard and the programme's results, 16 connections, 20 s
# each after a 5 s warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
work=$(mktemp -d /tmp/acumen-bench.XXXXXX)
port=${PORT:-18082}
export DATABASE_URL="sqlite://$work/bench.sqlite"
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && "$bin" demo --no-serve >/dev/null)
"$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }
jar="$work/cookies"
sign_in() {
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$1" \
    --data-urlencode "password=acumen-demo" "http://127.0.0.1:$port/login"
  awk '/acumen_session/ {print $7}' "$jar"
}
measure() {
  wrk -t2 -c16 -d5s -H "Cookie: acumen_session=$1" "$2" >/dev/null
  wrk -t2 -c16 -d20s --latency -H "Cookie: acumen_session=$1" "$2" | grep -E "Requests/sec|50%|99%|Non-2xx"
}
manager=hana.lopez@northwind-mobility.example
person=$(sqlite3 "$work/bench.sqlite" "select id from people where email = '$manager'")
echo "### /people/{id}/dashboard, the account manager's own"
measure "$(sign_in $manager)" "http://127.0.0.1:$port/people/$person/dashboard"
echo "### /analytics/programme, the programme manager"
measure "$(sign_in ravi.shankar@northwind-mobility.example)" "http://127.0.0.1:$port/analytics/programme"
echo "RSS after load: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"
