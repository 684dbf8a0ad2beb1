#!/bin/sh
# A suite of 20 checks (metrics, drift, quality) on 1,000,000 rows against
# the single commands it contains. The suite reads each file once and shares
# one metrics evaluation per data side, one drift comparison and one quality
# run between its checks; this measures what that buys against running the
# commands one by one (it still does more than any one command: metrics on
# both sides, drift and quality).
#
#   bench/suite_vs_commands.sh [ASSAY_BINARY] [ROWS] [RUNS]
# Each time is the best of RUNS runs (default 3).
# Default binary: build/release/src/assay (cmake --preset release -B build/release).
set -eu

ASSAY=${1:-build/release/src/assay}
ROWS=${2:-1000000}
RUNS=${3:-3}
ASSAY=$(cd "$(dirname "$ASSAY")" && pwd)/$(basename "$ASSAY")
DIR=$(mktemp -d "${TMPDIR:-/tmp}/assay-suite-bench.XXXXXX")
trap 'rm -rf "$DIR"' EXIT

/usr/bin/python3 - "$DIR" "$ROWS" <<'PY'
import sys
import numpy as np
import pandas as pd
out, rows = sys.argv[1], int(sys.argv[2])
for name, seed, shift in (("reference", 1, 0.0), ("current", 2, 0.2)):
    rng = np.random.default_rng(seed)
    x = rng.normal(shift, 1.0, size=(rows, 8))
    z = x[:, 0] * 1.5 + x[:, 1] * 0.8 - x[:, 2] * 0.5
    p = 1.0 / (1.0 + np.exp(-z))
    frame = pd.DataFrame({"id": np.arange(rows) + (0 if name == "reference" else rows),
                          "region": rng.choice(["north", "south", "east", "west"], size=rows)})
    for i in range(8):
        frame[f"x{i}"] = x[:, i]
    frame["label"] = (rng.random(rows) < p).astype(int)
    frame["proba"] = p
    frame["pred"] = (p >= 0.5).astype(int)
    frame.to_csv(f"{out}/{name}.csv", index=False, float_format="%.6f")
PY

cat > "$DIR/suite.yaml" <<'YAML'
task: binary
data: {reference: reference.csv, current: current.csv}
columns: {target: label, score: proba, prediction: pred, id: id}
settings: {bootstrap: 200}
checks:
  - {metric: roc_auc, min: 0.5}
  - {metric: roc_auc, max_drop: 0.05}
  - {metric: roc_auc, ci: lower, min: 0.5}
  - {metric: f1, min: 0.1}
  - {metric: accuracy, min: 0.5}
  - {metric: precision, min: 0.1}
  - {metric: recall, min: 0.1}
  - {metric: log_loss, max: 1.0}
  - {metric: brier_score, max: 0.5}
  - {metric: average_precision, min: 0.1}
  - {drift: features, max_share: 1.0}
  - {drift: column, column: x0, max: 10}
  - {drift: column, column: x1, max: 10}
  - {drift: column, column: x2, max: 10}
  - {drift: score, severity: warn}
  - {quality: missing_share, max: 0.05}
  - {quality: duplicate_rows, max: 0.01}
  - {quality: outliers, max: 1.0}
  - {quality: constant, min: 2}
  - {quality: out_of_range, max: 1.0}
YAML

seconds() {  # best wall seconds of RUNS runs of a command (exit 0 or 1: checks may fail), output discarded
  best=""
  for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    code=0
    "$@" >/dev/null 2>"$DIR/stderr" || code=$?
    end=$(date +%s.%N)
    if [ "$code" -gt 1 ]; then
      echo "failed ($code): $*: $(cat "$DIR/stderr")" >&2
      exit 1
    fi
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

cd "$DIR"
echo "rows: $ROWS, binary: $ASSAY"
suite=$(seconds "$ASSAY" --quiet run suite.yaml)
metrics=$(seconds "$ASSAY" --quiet metrics --data current.csv --task binary --target label --score proba --prediction pred --bootstrap 200 --ci-metrics roc_auc)
drift=$(seconds "$ASSAY" --quiet drift --reference reference.csv --current current.csv --target label --score proba --prediction pred)
quality=$(seconds "$ASSAY" --quiet quality --data current.csv --reference reference.csv --target label --id id)
echo "assay run (20 checks):   $suite s"
echo "assay metrics:           $metrics s"
echo "assay drift:             $drift s"
echo "assay quality:           $quality s"
slowest=$(printf '%s\n%s\n%s\n' "$metrics" "$drift" "$quality" | sort -g | tail -1)
sum=$(echo "$metrics + $drift + $quality" | bc)
echo "suite / slowest command: $(echo "scale=2; $suite / $slowest" | bc)"
echo "suite / sum of commands: $(echo "scale=2; $suite / $sum" | bc)"
