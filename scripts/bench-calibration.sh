#!/usr/bin/env bash
# Measures the calibration targets (../shared/design/TARGETS.md): `acumen stats agreement` on
# large tables against the Python references, the same values, and in-process compute times.
# Needs hyperfine (apt-get install hyperfine) and `pip install krippendorff pingouin pandas`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product acumen >/dev/null
bin="$PWD/.build/release/acumen"
work=$(mktemp -d /tmp/acumen-stats.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -n 1)"

python3 - "$work" <<'PY'
import sys
import numpy as np
work = sys.argv[1]
rng = np.random.default_rng(2026)
truth = rng.integers(1, 6, size=5000)
ordinal = np.clip(truth[:, None] + rng.integers(-1, 2, size=(5000, 200)), 1, 5).astype(float)
ordinal[rng.random((5000, 200)) < 0.3] = np.nan
with open(f"{work}/ordinal.csv", "w") as f:
    f.write(",".join(f"r{i}" for i in range(200)) + "\n")
    for row in ordinal:
        f.write(",".join("" if np.isnan(v) else str(int(v)) for v in row) + "\n")
complete = np.round(truth[:, None] + rng.normal(0, 0.8, size=(5000, 50)), 2)
scores = np.round(rng.uniform(0, 10, size=5000)[:, None] + rng.normal(0, 1, size=(5000, 50)), 3)
with open(f"{work}/scores.csv", "w") as f:
    f.write(",".join(f"r{i}" for i in range(50)) + "\n")
    for row in scores:
        f.write(",".join(f"{v:.3f}" for v in row) + "\n")
with open(f"{work}/complete.csv", "w") as f:
    f.write(",".join(f"r{i}" for i in range(50)) + "\n")
    for row in complete:
        f.write(",".join(repr(float(v)) for v in row) + "\n")
PY
cat > "$work/alpha.py" <<'PY'
import sys, pandas as pd, krippendorff
data = pd.read_csv(sys.argv[1])
print(repr(krippendorff.alpha(reliability_data=data.to_numpy().T, level_of_measurement="ordinal")))
PY
cat > "$work/icc.py" <<'PY'
import sys, pandas as pd, pingouin
data = pd.read_csv(sys.argv[1])
long = data.reset_index().melt(id_vars="index", var_name="rater", value_name="score")
table = pingouin.intraclass_corr(data=long, targets="index", raters="rater", ratings="score")
print(" ".join(repr(float(v)) for v in table["ICC"]))
PY

echo "## Krippendorff's alpha (ordinal), 200 raters x 5,000 units, 30 per cent missing"
hyperfine --warmup 1 --runs 5 "$bin stats agreement $work/ordinal.csv --level ordinal" \
  "python3 $work/alpha.py $work/ordinal.csv" --export-markdown "$work/alpha.md" >/dev/null
cat "$work/alpha.md"
ours=$("$bin" stats agreement "$work/ordinal.csv" --level ordinal --timings 2>"$work/alpha-timings.txt" | python3 -c "import json,sys; print(repr(json.load(sys.stdin)['krippendorffAlpha']['ordinal']))")
theirs=$(python3 "$work/alpha.py" "$work/ordinal.csv")
echo "acumen $ours, krippendorff (PyPI) $theirs"
python3 -c "import sys; d = abs($ours - float('$theirs'.replace('np.float64(', '').rstrip(')'))); print(f'difference {d:.2e}'); sys.exit(d > 1e-9)"
cat "$work/alpha-timings.txt"

echo "## Intraclass correlations, 5,000 units x 50 raters, complete"
hyperfine --warmup 1 --runs 5 "$bin stats agreement $work/complete.csv --level interval" \
  "python3 $work/icc.py $work/complete.csv" --export-markdown "$work/icc.md" >/dev/null
cat "$work/icc.md"
"$bin" stats agreement "$work/complete.csv" --level interval --timings 2>"$work/icc-timings.txt" >"$work/icc.json"
python3 - "$work/icc.json" "$(python3 "$work/icc.py" "$work/complete.csv")" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["icc"]
# pingouin's order: ICC1, ICC2 (A,1), ICC3 (C,1), ICC1k, ICC2k, ICC3k
theirs = [float(v) for v in sys.argv[2].split()]
keys = ["ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"]
worst = max(abs(ours[k] - t) for k, t in zip(keys, theirs))
print("acumen  ", " ".join(f"{k}={ours[k]:.9f}" for k in keys))
print("pingouin", " ".join(f"{k}={t:.9f}" for k, t in zip(keys, theirs)))
print(f"largest difference {worst:.2e}")
sys.exit(worst > 1e-6)
PY
cat "$work/icc-timings.txt"

echo "## Every default statistic on continuous scores (no --level), 5,000 units x 50 raters, three decimals"
hyperfine --warmup 1 --runs 5 "$bin stats agreement $work/scores.csv" \
  "python3 $work/icc.py $work/scores.csv" --export-markdown "$work/scores.md" >/dev/null
cat "$work/scores.md"
/usr/bin/time -f "acumen peak memory: %M kB" "$bin" stats agreement "$work/scores.csv" 2>&1 >"$work/scores.json" | tail -n 1
/usr/bin/time -f "pandas + pingouin peak memory: %M kB" python3 "$work/icc.py" "$work/scores.csv" 2>&1 >/dev/null | tail -n 1
python3 -c "import json,sys; r = json.load(open(sys.argv[1])); print('levels:', sorted(r['krippendorffAlpha'])); print(*r['notes'], sep='\\n')" "$work/scores.json"
