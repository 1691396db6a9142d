#!/usr/bin/env bash
# Measures the development targets (docs: README, Performance): drafting roadmaps for 10,000
# account managers against a 500-offering catalogue (Core, release build, one call), and the
# catalogue page with filters under load (needs wrk: apt-get install wrk). Set PAGE=0 to
# measure the drafting only.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"

echo "## Roadmap drafting"
swift build -c release --product acumen-benchmarks >/dev/null
.build/release/acumen-benchmarks

[ "${PAGE:-1}" = "0" ] && exit 0
echo "## Catalogue page with filters, 500 offerings, 16 connections, 20 s"
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
work=$(mktemp -d /tmp/acumen-bench.XXXXXX)
port=${PORT:-18081}
export DATABASE_URL="sqlite://$work/bench.sqlite"
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$bin" demo --no-serve >/dev/null
# The demo's 104 offerings, and copies of them under new codes up to 500.
python3 - "$work" <<'PY'
import csv, sqlite3, sys
work = sys.argv[1]
db = sqlite3.connect(f"{work}/bench.sqlite")
rows = db.execute("select code, title, summary, category, format, duration_minutes, language, phase from offerings").fetchall()
with open(f"{work}/more.csv", "w", newline="") as f:
    out = csv.writer(f)
    out.writerow(["code", "title", "summary", "category", "format", "duration_minutes", "language", "phase", "framework", "competencies"])
    copy = 0
    written = len(rows)
    while written < 500:
        for code, title, summary, category, form, minutes, language, phase in rows:
            if written >= 500: break
            out.writerow([f"{code}-{copy}", f"{title} ({copy})", summary, category, form, minutes, language, phase,
                          "Global Mobility Account Manager", "OM.4 Baseline>Advanced; KE.1 Advanced>Expert"])
            written += 1
        copy += 1
PY
"$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
jar="$work/cookies"
sign_in() {
  csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$1" \
    --data-urlencode "password=acumen-demo" "http://127.0.0.1:$port/login"
}
sign_in ravi.shankar@northwind-mobility.example
csrf=$(curl -s -b "$jar" "http://127.0.0.1:$port/catalogue" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -o /dev/null -w "import: %{http_code}\n" -F "_csrf=$csrf" -F "file=@$work/more.csv;type=text/csv" "http://127.0.0.1:$port/catalogue/import"
echo "offerings: $(sqlite3 "$work/bench.sqlite" "select count(*) from offerings")"
rm -f "$jar"
sign_in hana.lopez@northwind-mobility.example
cookie=$(awk '/acumen_session/ {print $7}' "$jar")
run_wrk() { wrk -t2 -c16 -d20s --latency -H "Cookie: acumen_session=$cookie" "$1" | grep -E "Requests/sec|99%|Non-2xx"; }
# A server's first seconds are slower (the Swift runtime fills its type caches as each kind of
# page is first rendered), so a short run warms it before the measured ones.
wrk -t2 -c16 -d5s -H "Cookie: acumen_session=$cookie" "http://127.0.0.1:$port/catalogue?q=client" >/dev/null
echo "### /catalogue (first page of 500)"; run_wrk "http://127.0.0.1:$port/catalogue"
echo "### /catalogue?competency=OM.4&format=video&maxMinutes=60"; run_wrk "http://127.0.0.1:$port/catalogue?competency=OM.4&format=video&maxMinutes=60"
echo "### /catalogue?q=client (words typed, rendered every time)"; run_wrk "http://127.0.0.1:$port/catalogue?q=client"
echo "RSS after load: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"
