#!/usr/bin/env bash
# Measures what a language costs: the framework page (an account manager signed in) and a
# customer's questionnaire, each rendered in every shipped language, against English.
# Release build, SQLite, wrk on the same machine (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
# ACUMEN_BINARY measures a binary built before (its resource folder beside it).
if [ -z "${ACUMEN_BINARY:-}" ]; then swift build -c release --product acumen >/dev/null; fi
bin=${ACUMEN_BINARY:-$PWD/.build/release/acumen}
work=$(mktemp -d /tmp/acumen-bench-lang.XXXXXX)
port=${PORT:-18082}
seconds=${SECONDS_PER_RUN:-4}
export DATABASE_URL="sqlite://$work/bench.sqlite"
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"

"$bin" demo --no-serve >/dev/null
ACUMEN_MAIL_PICKUP="$work/mail" "$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }
form=$(python3 scripts/bench/language_setup.py "http://127.0.0.1:$port" "$work/mail")

jar="$work/cookies"
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
  --data-urlencode "email=hana.lopez@northwind-mobility.example" --data-urlencode "password=acumen-demo" \
  "http://127.0.0.1:$port/login"
cookie=$(awk '/acumen_session/ {print $7}' "$jar")
framework=$(sqlite3 "$work/bench.sqlite" "select lower(id) from frameworks where name = 'Global Mobility Account Manager' and status = 'published'")

# Requests per second of one page in one language; the page must answer in that language.
measure() {
  local url=$1 language=$2
  shift 2
  local served
  served=$(curl -s -o /dev/null -D - -H "Accept-Language: $language" "$@" "$url" | awk -F': ' 'tolower($1)=="content-language" {print $2}' | tr -d '\r')
  [ "$served" = "$language" ] || { echo "asked for $language, got '$served'" >&2; exit 1; }
  wrk -t2 -c16 -d"${seconds}s" --latency -H "Accept-Language: $language" "$@" "$url" \
    | awk -v l="$language" '/Requests\/sec/ {rps=$2} /99%/ {p99=$2} END {printf "%s %s %s\n", l, rps, p99}'
}

# This machine's speed drifts by more than a language could change it, so each language is
# measured in short runs that alternate with English, and compared by the median of the
# ratios of neighbouring runs.
rounds=${ROUNDS:-5}
report() {
  local name=$1 url=$2
  shift 2
  echo "### $name (16 connections, $rounds rounds of ${seconds} s in each language, alternating with English)"
  echo "| language | requests/s (median) | p99 (median) | English, same rounds | extra time against English (median of rounds) |"
  echo "| --- | --- | --- | --- | --- |"
  measure "$url" en "$@" >/dev/null # warm-up: fills the caches every language shares
  for language in ${LANGUAGES:-fr de es zh-Hans ja pt-BR ${EXTRA_LANGUAGES:-}}; do
    : >"$work/rounds"
    for _ in $(seq 1 "$rounds"); do
      read -r _ english english_p99 < <(measure "$url" en "$@")
      read -r _ rps p99 < <(measure "$url" "$language" "$@")
      echo "$english $rps ${p99%ms}" >>"$work/rounds"
    done
    python3 - "$language" "$work/rounds" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[2])]
english = statistics.median(float(r[0]) for r in rows)
language = statistics.median(float(r[1]) for r in rows)
p99 = statistics.median(float(r[2]) for r in rows)
extra = statistics.median(float(r[0]) / float(r[1]) - 1 for r in rows)
print(f"| {sys.argv[1]} | {language:,.0f} | {p99:.1f} ms | {english:,.0f} | {extra * 100:+.1f} % |")
PY
  done
}

# PAGES chooses what to measure (both by default).
pages=${PAGES:-framework questionnaire}
if [[ " $pages " == *" framework "* ]]; then
  report "framework page, account manager signed in" "http://127.0.0.1:$port/frameworks/$framework" -H "Cookie: acumen_session=$cookie"
fi
if [[ " $pages " == *" questionnaire "* ]]; then
  EXTRA_LANGUAGES=ar report "customer questionnaire (personal link)" "http://127.0.0.1:$port$form"
fi
echo "The last column is the extra time per request: English's requests per second over the language's, minus one, in neighbouring runs."
echo "RSS after load: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"
