#!/usr/bin/env bash
# Measures the dashboards on a large organisation (../shared/design/TARGETS.md): 20,000 account
# managers, five released yearly cycles (about 8 million ratings, 2 million customer answers),
# on a release build. For each database it times, side by side in one run, the bare SQL
# aggregate each dashboard needs and the dashboard's API answer (the first, which builds what
# is kept, and the median of five after), and the server's memory. SQLite always; PostgreSQL
# too when BENCH_POSTGRES_URL is set (its database is emptied first).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
bench="$PWD/scripts/bench"
work=$(mktemp -d /tmp/acumen-large.XXXXXX)
port=${PORT:-18091}
managers=${BENCH_ACCOUNT_MANAGERS:-20000}
base="http://127.0.0.1:$port"
# BENCH_KEEP=1 leaves the generated SQLite database and the server's log in the work folder.
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"
python3 "$bench/large_organisation.py" people "$work" "$managers"

serve() {
  "$bin" serve --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && return; sleep 0.2; done
  cat "$work/server.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
api() { curl -sf -H "Authorization: Bearer $token" "$@"; }
# The median of five answers' total times, in seconds.
median5() { for _ in 1 2 3 4 5; do api -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n | sed -n 3p; }
# The median of three runs of a query, in seconds.
sql_time() {
  if [ -n "${PG:-}" ]; then
    for _ in 1 2 3; do psql "$DATABASE_URL" -Atq -c '\timing on' -c "$1" | awk '/^Time:/ {print $2 / 1000}'; done | sort -n | sed -n 2p
  else
    python3 - "$work/bench.sqlite" "$1" <<'PY'
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1])
times = []
for _ in range(3):
    start = time.perf_counter(); connection.execute(sys.argv[2]).fetchall(); times.append(time.perf_counter() - start)
print(sorted(times)[1])
PY
  fi
}

measure() {
  echo "## $1"
  "$bin" demo --no-serve >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
  "$bin" import people "$work/people.csv" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
  "$bin" import accounts "$work/accounts.csv" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
  serve
  token=$(curl -sf -H 'Content-Type: application/json' \
    -d '{"email": "ravi.shankar@northwind-mobility.example", "password": "acumen-demo"}' \
    "$base/api/v1/auth/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
  framework=$(api "$base/api/v1/frameworks" | python3 -c 'import json, sys
print(next(f["id"] for f in json.load(sys.stdin)["frameworks"] if f["name"].startswith("Global Mobility") and f["status"] == "published"))')
  for year in 2022 2023 2024 2025 2026; do
    api -o /dev/null -H 'Content-Type: application/json' -d "{\"name\": \"Large year $year\", \"frameworkId\": \"$framework\", \"opensOn\": \"$year-05-01\", \"closesOn\": \"$year-05-31\"}" "$base/api/v1/cycles"
  done
  stop
  local start=$SECONDS
  if [ -n "${PG:-}" ]; then
    python3 "$bench/large_organisation.py" fill postgres "$DATABASE_URL"
  else
    python3 "$bench/large_organisation.py" fill sqlite "$work/bench.sqlite"
  fi
  echo "filled in $((SECONDS - start)) s"
  serve
  local cycle earlier
  cycle_id() {
    api "$base/api/v1/cycles" | python3 -c "import json, sys
print(next(c['id'] for c in json.load(sys.stdin)['cycles'] if c['name'] == 'Large year $1'))" | if [ -n "${PG:-}" ]; then cat; else tr a-z A-Z; fi
  }
  cycle=$(cycle_id 2026)
  earlier=$(cycle_id 2025)
  # Closing a cycle keeps its results (each person's level per competency, their groups, the
  # heatmap's catalogue); releasing it queues each person's report mail.
  for year in 2022 2023 2024 2025 2026; do
    local id closing
    id=$(cycle_id $year | tr A-Z a-z)
    closing=$(api -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' -d '{"from": "open"}' "$base/api/v1/cycles/$id/advance")
    api -o /dev/null -H 'Content-Type: application/json' -d '{"from": "closed"}' "$base/api/v1/cycles/$id/advance"
    [ "$year" = 2026 ] && echo "closing the last cycle (keeps its results): $closing s"
  done
  echo "RSS after closing: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"
  stop
  # Releasing queued a report mail per person and cycle (100,000 here); they count as sent, so
  # that the dashboards are timed alone rather than beside their delivery.
  if [ -n "${PG:-}" ]; then
    # Statistics for the tables closing filled, as autovacuum would gather within a minute.
    psql "$DATABASE_URL" -qc "UPDATE outbox_messages SET status = 'sent'" -c "ANALYZE"
  else
    python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE outbox_messages SET status = 'sent'\"); c.commit()" "$work/bench.sqlite"
  fi
  serve
  levels_of() { echo "SELECT r.subject_id, x.competency_code, CAST(SUM(x.level) AS DOUBLE PRECISION), COUNT(x.level)
    FROM responses r JOIN response_ratings x ON x.response_id = r.id
    WHERE r.cycle_id = '$1' AND r.status = 'submitted' AND x.level IS NOT NULL
    AND (r.source = 'supervisor' OR (r.source = 'peer' AND r.subject_id IN (SELECT subject_id FROM responses
      WHERE cycle_id = '$1' AND status = 'submitted' AND source = 'peer' GROUP BY subject_id HAVING COUNT(*) >= 3)))
    GROUP BY r.subject_id, x.competency_code"; }
  # The heatmap's cells computed by SQL alone from each person's kept level and groups: per
  # team and competency, how many, the share at or above target and the mean gap. Closing
  # counts them once (with the catalogue's decisions) and keeps them; the dashboard reads those.
  cells_of() { echo "SELECT m.group_name, s.competency_code, COUNT(*),
    AVG(CASE WHEN s.level >= s.target - 0.000000001 THEN 1.0 ELSE 0.0 END), AVG(s.target - s.level)
    FROM settled_standings s JOIN settled_memberships m ON m.cycle_id = s.cycle_id AND m.subject_id = s.subject_id
    WHERE s.cycle_id = '$1' AND m.dimension = '$2' AND s.level IS NOT NULL AND s.target IS NOT NULL
    GROUP BY m.group_name, s.competency_code"; }
  echo "### group heatmap, last cycle, by team"
  echo "SQL aggregate from the ratings (levels per person and competency, run once at closing): $(sql_time "$(levels_of "$cycle")") s"
  echo "bare SQL aggregate of the cells from the kept levels and groups: $(sql_time "$(cells_of "$cycle" team)") s"
  echo "bare SQL reading the kept cells: $(sql_time "SELECT * FROM settled_heatmap_cells WHERE cycle_id = '$cycle'") s"
  echo "API, first answer: $(api -o /dev/null -w '%{time_total}' "$base/api/v1/analytics/heatmap?by=team&cycle=$cycle") s"
  echo "API, median of five after: $(median5 "$base/api/v1/analytics/heatmap?by=location&cycle=$cycle") s"
  echo "RSS: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"
  echo "### programme results, the twelve months to today (its impact compares the last two cycles)"
  # Each person's change over the competencies rated in both cycles, as the impact pairs them.
  changes_of() { echo "SELECT l.subject_id, AVG(l.level - e.level) FROM settled_standings l
    LEFT JOIN settled_standings e ON e.cycle_id = '$2' AND e.subject_id = l.subject_id
      AND e.competency_code = l.competency_code AND e.level IS NOT NULL
    WHERE l.cycle_id = '$1' AND l.level IS NOT NULL AND l.subject_id IN (
      SELECT subject_id FROM settled_standings WHERE cycle_id = '$2' AND level IS NOT NULL)
    GROUP BY l.subject_id"; }
  python3 -c "import sys; print('bare SQL (level changes paired between the two cycles per person and per competency, the cycle\'s customer answers counted, account managers, completions): %.3f s' % sum(map(float, sys.argv[1:])))" \
    "$(sql_time "$(changes_of "$cycle" "$earlier")")" \
    "$(sql_time "SELECT l.competency_code, COUNT(*), AVG(e.level), AVG(l.level) FROM settled_standings l
      JOIN settled_standings e ON e.cycle_id = '$earlier' AND e.subject_id = l.subject_id AND e.competency_code = l.competency_code
      WHERE l.cycle_id = '$cycle' AND l.level IS NOT NULL AND e.level IS NOT NULL GROUP BY l.competency_code")" \
    "$(sql_time "SELECT r.cycle_id, a.answer, COUNT(*) FROM response_answers a JOIN responses r ON r.id = a.response_id
      WHERE r.cycle_id = '$cycle' AND r.source = 'customer' AND r.status = 'submitted' GROUP BY r.cycle_id, a.answer")" \
    "$(sql_time "SELECT id, job_title, hire_date, end_date, leaving_reason FROM people")" \
    "$(sql_time "SELECT person_id, offering_id, completed_on FROM learning_completions")"
  echo "API, first answer: $(api -o /dev/null -w '%{time_total}' "$base/api/v1/analytics/programme") s"
  echo "API, median of five after: $(median5 "$base/api/v1/analytics/programme") s"
  echo "RSS: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status); peak: $(awk '/VmHWM/ {print $2 / 1024 " MB"}' /proc/$server/status)"
  stop
}

export DATABASE_URL="sqlite://$work/bench.sqlite"
[ -n "${BENCH_SKIP_SQLITE:-}" ] || measure "SQLite"
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
  export DATABASE_URL="$BENCH_POSTGRES_URL" PG=1 ACUMEN_ANONYMITY_KEY=${ACUMEN_ANONYMITY_KEY:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}
  psql "$DATABASE_URL" -qc "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  measure "PostgreSQL"
fi
