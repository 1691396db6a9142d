#!/usr/bin/env bash
# Measures a knowledge check's item analysis end to end (../shared/design/TARGETS.md): 10,000
# submitted attempts of 60 questions in the demo's SQLite database, then the analysis's API
# answer (the first, and the median of five after) and the attempts' CSV, on a release build.
# The in-process figure (scoring and analysis without the database) is `acumen-benchmarks`'.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
work=$(mktemp -d /tmp/acumen-checks.XXXXXX)
port=${PORT:-18093}
base="http://127.0.0.1:$port"
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"
cd "$work"
"$bin" demo --no-serve >/dev/null 2>&1
check=$(python3 "$OLDPWD/scripts/bench/knowledge_checks.py" "$work/acumen.sqlite")
"$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
token=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"email":"ravi.shankar@northwind-mobility.example","password":"acumen-demo"}' "$base/api/v1/auth/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
time_of() { curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$1"; }
echo "## 10,000 attempts of 60 questions (SQLite, release)"
echo "analysis, first answer: $(time_of "$base/api/v1/checks/$check/analysis") s"
echo "analysis, median of 5 after: $(for _ in 1 2 3 4 5; do time_of "$base/api/v1/checks/$check/analysis"; done | sort -n | sed -n 3p) s"
echo "attempts.csv (600,000 rows): $(time_of "$base/api/v1/checks/$check/attempts.csv") s"
echo "server memory after: $(($(awk '/VmRSS/ {print $2}' /proc/$server/status) / 1024)) MB"
