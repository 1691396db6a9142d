#!/usr/bin/env bash
# Crash test (docs/deploy.md): `acumen serve` on SQLite is killed with SIGKILL every 20 to 30
# seconds during a mixed load (pages, autosaves, submissions, people imports) and started again;
# afterwards every acknowledged answer and submission must be there exactly once and nothing
# half-written. Usage: scripts/fault-crash.sh [KILLS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-10}
swift build --product acumen >/dev/null 2>&1 || swift build --product acumen
work=$(mktemp -d /tmp/acumen-crash.XXXXXX)
trap 'pkill -KILL -f "$work" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && LOG_LEVEL=warning "$OLDPWD/.build/debug/acumen" demo --no-serve >/dev/null)
python3 scripts/faults/crash.py "$PWD/.build/debug/acumen" "$work" "$kills"
