#!/usr/bin/env bash
# Runs schemathesis, with every check, against a demo Acumen started here on a throwaway SQLite
# database, signed in as the demo programme manager (who may call nearly every operation).
# Usage: [ACUMEN_BINARY=path] Tests/api/run-schemathesis.sh [more schemathesis options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${ACUMEN_BINARY:-$root/.build/debug/acumen}"
work="$(mktemp -d)"
port="${ACUMEN_SCHEMATHESIS_PORT:-$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

(cd "$work" && DATABASE_URL="sqlite://$work/acumen.sqlite" exec "$binary" demo --port "$port" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 240); do
    python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
        "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.5
done
# Parameter values for what no API answer can give: a rater's personal link (its token is only
# ever e-mailed). And, for the phases that do not follow links, an account, a calibration
# exercise, a cycle and one of its account managers, so that those phases reach the operations
# behind them rather than a 404; the stateful phase finds them through the document's links.
python3 - "$port" "$work" "$here/schemathesis.toml" >"$work/schemathesis.toml" <<'PYTHON'
import datetime, glob, json, re, sqlite3, sys, time, urllib.request

port, work, config = sys.argv[1], sys.argv[2], sys.argv[3]
base = f"http://127.0.0.1:{port}"

def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request) as response:
        return json.load(response)

token = call("POST", "/api/v1/auth/token",
             {"email": "ravi.shankar@northwind-mobility.example", "password": "acumen-demo"})["token"]
framework = next(f["id"] for f in call("GET", "/api/v1/frameworks", token=token)["frameworks"]
                 if f["status"] == "published")
today = datetime.date.today()
cycle = call("POST", "/api/v1/cycles", {"name": "Links for schemathesis", "frameworkId": framework,
             "opensOn": today.isoformat(), "closesOn": (today + datetime.timedelta(days=21)).isoformat()}, token)
call("POST", f"/api/v1/cycles/{cycle['id']}/advance", {"from": "draft"}, token)
rater = None
deadline = time.time() + 60
while rater is None and time.time() < deadline:
    for path in glob.glob(f"{work}/mail/*.eml"):
        found = re.search(r"/r/([A-Za-z0-9_-]{20,})\s*$", open(path, encoding="utf-8").read(), re.M)
        if found:
            rater = found.group(1)
            break
    time.sleep(0.5)
if rater is None:
    sys.exit("no rater link was e-mailed within a minute")
database = sqlite3.connect(f"{work}/acumen.sqlite")
subject = call("GET", f"/api/v1/cycles/{cycle['id']}/invitations", token=token)["invitations"][0]["subjectId"]
account = database.execute("SELECT id FROM accounts ORDER BY name LIMIT 1").fetchone()[0]
exercise = database.execute("SELECT id FROM calibration_exercises LIMIT 1").fetchone()[0]
print(open(config).read())
print("[parameters]")
print(f'"path.token" = "{rater}"')
print(f'"path.accountID" = "{account}"')
print(f'"path.cycleID" = "{cycle["id"]}"')
print(f'"path.personID" = "{subject}"')
print(f'"path.exerciseID" = "{exercise}"')
with open(f"{work}/token", "w") as file:
    file.write(token)
PYTHON

cd "$work"
examples="${ACUMEN_SCHEMATHESIS_EXAMPLES:-100}"
seed="${ACUMEN_SCHEMATHESIS_SEED:-20261204}"
# The phases that generate requests one at a time, with the parameter values above.
st --config-file "$work/schemathesis.toml" run "http://127.0.0.1:$port/openapi.json" --checks all \
    -H "Authorization: Bearer $(cat "$work/token")" --phases examples,coverage,fuzzing \
    --max-examples "$examples" --seed "$seed" --no-color "$@"
# The stateful phase on its own: it follows the document's links from what it creates and lists,
# and given fixed values it would keep to them instead.
st --config-file "$here/schemathesis.toml" run "http://127.0.0.1:$port/openapi.json" --checks all \
    -H "Authorization: Bearer $(cat "$work/token")" --phases stateful \
    --max-examples "$((examples * 3))" --seed "$seed" --no-color "$@"
