#!/usr/bin/env bash
# Measures what a language costs: the framework page (an account manager signed in) and a
# customer's questionnaire, each rendered in every shipped language, against English.
# Release build, SQLite, wrk on the same machine (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
work=$(mktemp -d /tmp/acumen-bench-lang.XXXXXX)
port=${PORT:-18082}
seconds=${SECONDS_PER_RUN:-10}
export DATABASE_URL="sqlite://$work/bench.sqlite"
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"

"$bin" demo --no-serve >/dev/null
ACUMEN_MAIL_PICKUP="$work/mail" "$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
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

report() {
  local name=$1 url=$2
  shift 2
  echo "### $name (16 connections, ${seconds} s each)"
  echo "| language | requests/s | p99 | against English |"
  echo "| --- | --- | --- | --- |"
  measure "$url" en "$@" >/dev/null # warm-up: fills the caches every language shares
  local english=""
  for language in en fr de es zh-Hans ja pt-BR ${EXTRA_LANGUAGES:-}; do
    read -r tag rps p99 < <(measure "$url" "$language" "$@")
    [ -z "$english" ] && english=$rps
    echo "| $tag | $rps | $p99 | $(awk -v a="$rps" -v e="$english" 'BEGIN {printf "%+.1f %%", (e / a - 1) * 100}') |"
  done
}

report "framework page, account manager signed in" "http://127.0.0.1:$port/frameworks/$framework" -H "Cookie: acumen_session=$cookie"
EXTRA_LANGUAGES=ar report "customer questionnaire (personal link)" "http://127.0.0.1:$port$form"
echo "The last column is the extra time per request against English (English's requests per second over the language's, minus one)."
echo "RSS after load: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"
