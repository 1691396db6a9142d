#!/usr/bin/env bash
# Measures the learning record store (docs: README, Performance): batches of 1,000 valid xAPI
# statements POSTed to /xapi/statements on SQLite (release build, demo data), as statements per
# second over the whole request; and a batch of 1,000 with one invalid statement, which must
# store nothing and name it. Needs curl.
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
"$bin" demo --no-serve >/dev/null
credentials=$("$bin" xapi credentials create --name Benchmark)
key=$(echo "$credentials" | awk '/^key:/ {print $2}')
secret=$(echo "$credentials" | awk '/^secret:/ {print $2}')
"$bin" serve --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/xapi/about" >/dev/null && break; sleep 0.2; done

python3 - "$work" <<'PY'
import json, sys, uuid
work = sys.argv[1]
def batch(invalid_at=None):
    statements = []
    for n in range(1000):
        statements.append({
            "id": str(uuid.uuid4()),
            "actor": {"mbox": f"mailto:learner{n % 120}@example.com", "name": f"Learner {n % 120}"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "experienced"}},
            "object": {"id": f"https://content.example/videos/{n}",
                       "definition": {"name": {"en-US": f"Video {n}"}, "type": "http://adlnet.gov/expapi/activities/media"}},
            "result": {"duration": "PT4M12S", "completion": False},
            "context": {"registration": str(uuid.uuid4()), "platform": "Benchmark"},
            "timestamp": "2026-12-03T09:30:00.000Z",
        })
    if invalid_at is not None:
        statements[invalid_at]["verb"]["id"] = "experienced"
    return statements
for run in range(5):
    json.dump(batch(), open(f"{work}/valid-{run}.json", "w"))
json.dump(batch(invalid_at=500), open(f"{work}/invalid.json", "w"))
PY

post() {
  curl -s -o "$work/answer" -w "%{http_code} %{time_total}" -u "$key:$secret" \
    -H "X-Experience-API-Version: 1.0.3" -H "Content-Type: application/json" \
    --data-binary "@$1" "http://127.0.0.1:$port/xapi/statements"
}
echo "## 1,000 valid statements per batch, five batches"
for run in 0 1 2 3 4; do
  read -r status seconds <<<"$(post "$work/valid-$run.json")"
  [ "$status" = "200" ] || { echo "batch $run answered $status: $(cat "$work/answer")"; exit 1; }
  awk -v s="$seconds" 'BEGIN { printf "%.3f s, %.0f statements/s\n", s, 1000 / s }'
done
echo "## 1,000 statements with one invalid (index 500)"
read -r status seconds <<<"$(post "$work/invalid.json")"
echo "answered $status in $seconds s: $(cut -c1-160 "$work/answer")"
stored=$(sqlite3 "$work/bench.sqlite" "select count(*) from xapi_statements")
echo "statements stored in all: $stored (5,000 expected: the invalid batch stored nothing)"
