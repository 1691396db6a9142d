#!/usr/bin/env bash
# Measures the foundation's targets (../shared/design/TARGETS.md) on a release build:
# demo start-up, a 10,000-row people import, the framework page and CASE export under load,
# and server memory. Run by hand: it needs wrk and hyperfine (apt-get install wrk hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
work=$(mktemp -d /tmp/acumen-bench.XXXXXX)
port=${PORT:-18080}
export DATABASE_URL="sqlite://$work/bench.sqlite"
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"

echo "## acumen demo --no-serve: empty database, then again with nothing to add"
hyperfine --runs 5 --prepare "rm -f $work/bench.sqlite*" "$bin demo --no-serve" --export-markdown "$work/demo-empty.md" >/dev/null
cat "$work/demo-empty.md"
"$bin" demo --no-serve >/dev/null
hyperfine --runs 5 "$bin demo --no-serve" --export-markdown "$work/demo-again.md" >/dev/null
cat "$work/demo-again.md"

echo "## acumen import people: 10,000 rows in one transaction"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
header = "name,email,job_title,hire_date,location,country,team,supervisor_email\n"
rows = [f"Person {i},person{i}@bench.example,Account Manager,2023-{1 + i % 12:02d}-{1 + i % 28:02d},City {i % 25},Country {i % 25},Team {i % 40},{'' if i < 100 else f'person{i % 100}@bench.example'}\n" for i in range(10000)]
open(f"{work}/people.csv", "w").write(header + "".join(rows))
open(f"{work}/people-bad-last.csv", "w").write(header + "".join(rows).replace("bench.example", "bad.example") + "Broken,broken@bad.example,AM,2023-02-30,,,,\n")
PY
hyperfine --runs 3 --prepare "rm -f $work/bench.sqlite*; $bin migrate >/dev/null" "$bin import people $work/people.csv" --export-markdown "$work/import.md" >/dev/null
cat "$work/import.md"
before=$(sqlite3 "$work/bench.sqlite" "select count(*) from people")
if "$bin" import people "$work/people-bad-last.csv" >/dev/null 2>&1; then echo "bad file was accepted!"; exit 1; fi
after=$(sqlite3 "$work/bench.sqlite" "select count(*) from people")
echo "A file of 10,000 good rows and one bad last row: people before $before, after $after (nothing imported)."

echo "## Serving: framework page, CASE export and /healthz, 16 connections, 20 s each"
rm -f "$work"/bench.sqlite*
"$bin" demo --no-serve >/dev/null
"$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
echo "idle RSS: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"
jar="$work/cookies"
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
  --data-urlencode "email=ravi.shankar@northwind-mobility.example" --data-urlencode "password=acumen-demo" \
  "http://127.0.0.1:$port/login"
cookie=$(awk '/acumen_session/ {print $7}' "$jar")
framework=$(sqlite3 "$work/bench.sqlite" "select lower(id) from frameworks where name = 'Global Mobility Account Manager'")
run_wrk() { wrk -t2 -c16 -d20s --latency "$@" | grep -E "Requests/sec|99%|Non-2xx"; }
echo "### /healthz"; run_wrk "http://127.0.0.1:$port/healthz"
echo "### framework page (signed in)"; run_wrk -H "Cookie: acumen_session=$cookie" "http://127.0.0.1:$port/frameworks/$framework"
echo "### CASE package"; run_wrk "http://127.0.0.1:$port/ims/case/v1p1/CFPackages/$framework"
echo "RSS after load: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status); peak: $(awk '/VmHWM/ {print $2 / 1024 " MB"}' /proc/$server/status)"
