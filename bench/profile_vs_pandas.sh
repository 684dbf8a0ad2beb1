#!/usr/bin/env bash
# Times `assay profile` against `wc -l` (the practical floor for reading the file) and pandas
# (Debian python3-pandas) on the same cached CSV, in one run, and prints a Markdown table.
#
#   bench/profile_vs_pandas.sh [FILE]          # default FILE: bench/data/ref_1m.csv
#   ASSAY=build/me-rel/src/assay bench/profile_vs_pandas.sh
#
# The default file (1,000,000 x 20, ~160 MB) is generated if missing with
#   /usr/bin/python3 bench/make_data.py --rows 1000000 --seed 1 --out bench/data/ref_1m.csv
# Timings are wall-clock, best of N (wc -l: 5, assay: 5, pandas: 3, env WC_RUNS / ASSAY_RUNS /
# PANDAS_RUNS), after one read of the file to put it in the page cache. pandas is timed inside
# one Python process (interpreter start-up and `import pandas` excluded); assay and wc include
# their process start-up. Peak RSS: /usr/bin/time -f %M for wc and assay, ru_maxrss for pandas.
set -euo pipefail

cd "$(dirname "$0")/.."
FILE=${1:-bench/data/ref_1m.csv}
ASSAY=${ASSAY:-build/release/src/assay}
WC_RUNS=${WC_RUNS:-5}
ASSAY_RUNS=${ASSAY_RUNS:-5}
PANDAS_RUNS=${PANDAS_RUNS:-3}
PYTHON=/usr/bin/python3

if [[ ! -f $FILE ]]; then
  if [[ $FILE != bench/data/ref_1m.csv ]]; then
    echo "error: $FILE does not exist" >&2
    exit 2
  fi
  echo "generating $FILE ..." >&2
  mkdir -p bench/data
  $PYTHON bench/make_data.py --rows 1000000 --seed 1 --out "$FILE"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best_of RUNS CMD...: prints "<best seconds> <peak RSS KiB over all runs>"; the command's
# stdout goes to /dev/null and a failing run aborts the benchmark (set -e).
best_of() {
  local runs=$1
  shift
  local best="" rss=0 start end took kib
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    if ! /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null; then
      echo "error: \`$*\` failed ($(head -n 1 "$tmp/rss"))" >&2
      return 1
    fi
    end=$(date +%s%N)
    took=$(((end - start) / 1000))
    kib=$(tail -n 1 "$tmp/rss")
    if [[ -z $best || $took -lt $best ]]; then best=$took; fi
    if ((kib > rss)); then rss=$kib; fi
  done
  awk -v us="$best" -v kib="$rss" 'BEGIN { printf "%.3f %d\n", us / 1e6, kib }'
}

bytes=$(stat -c %s "$FILE")
cat "$FILE" >/dev/null

echo "wc -l (best of $WC_RUNS) ..." >&2
best_of "$WC_RUNS" wc -l "$FILE" >"$tmp/wc"
read -r wc_s wc_kib <"$tmp/wc"
rows=$(($(wc -l <"$FILE") - 1))

echo "pandas (best of $PANDAS_RUNS each) ..." >&2
$PYTHON - "$FILE" "$PANDAS_RUNS" >"$tmp/pandas" <<'EOF'
import resource
import sys
import time

import pandas as pd

path, runs = sys.argv[1], int(sys.argv[2])
PERCENTILES = [.01, .05, .25, .5, .75, .95, .99]


def read():
    return pd.read_csv(path)


def profile():
    frame = pd.read_csv(path)
    frame.describe(percentiles=PERCENTILES)
    frame.nunique()
    for name in frame.columns:
        frame[name].value_counts().head(10)


def best(fn):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


read_s = best(read)
full_s = best(profile)
print(f"{read_s:.3f} {full_s:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} {pd.__version__}")
EOF
read -r pd_read_s pd_full_s pd_kib pd_version <"$tmp/pandas"

assay_s="" assay_kib=""
if [[ -x $ASSAY ]]; then
  echo "assay profile (best of $ASSAY_RUNS) ..." >&2
  best_of "$ASSAY_RUNS" "$ASSAY" profile "$FILE" --format json >"$tmp/assay"
  read -r assay_s assay_kib <"$tmp/assay"
else
  echo "note: $ASSAY not found or not executable; build it with" >&2
  echo "  cmake --preset release && cmake --build --preset release --target assay" >&2
  echo "  (or set ASSAY=path/to/assay); skipping the assay rows" >&2
fi

mb() { awk -v kib="$1" 'BEGIN { printf "%.0f", kib / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }

echo
echo "File: \`$FILE\`, $rows rows, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'), in the page cache." \
  "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)." \
  "pandas $pd_version. $(date -u +%Y-%m-%d)."
echo
echo "| what | best of | time (s) | peak RSS (MB) | assay vs this |"
echo "|---|---|---|---|---|"
if [[ -n $assay_s ]]; then
  echo "| \`assay profile FILE --format json\` | $ASSAY_RUNS | $assay_s | $(mb "$assay_kib") | 1.0x |"
  echo "| \`wc -l FILE\` | $WC_RUNS | $wc_s | $(mb "$wc_kib") | assay/wc = $(ratio "$assay_s" "$wc_s") |"
  echo "| pandas \`read_csv\` | $PANDAS_RUNS | $pd_read_s | | pandas/assay = $(ratio "$pd_read_s" "$assay_s") |"
  echo "| pandas \`read_csv\` + \`describe\` + \`nunique\` + \`value_counts\` | $PANDAS_RUNS | $pd_full_s | $(mb "$pd_kib") (both pandas rows) | pandas/assay = $(ratio "$pd_full_s" "$assay_s") |"
  echo
  awk -v a="$assay_s" -v w="$wc_s" -v p="$pd_read_s" -v kib="$assay_kib" -v bytes="$bytes" 'BEGIN {
    printf "Bar (issue 2): assay/wc = %.1fx (<= 15x: %s); pandas read_csv/assay = %.1fx (>= 5x: %s);",
      a / w, (a / w <= 15 ? "met" : "NOT met"), p / a, (p / a >= 5 ? "met" : "NOT met")
    printf " assay peak RSS = %.2fx file size (< 2x: %s)\n", kib * 1024 / bytes, (kib * 1024 < 2 * bytes ? "met" : "NOT met")
  }'
else
  echo "| \`wc -l FILE\` | $WC_RUNS | $wc_s | $(mb "$wc_kib") | (assay not built) |"
  echo "| pandas \`read_csv\` | $PANDAS_RUNS | $pd_read_s | | |"
  echo "| pandas \`read_csv\` + \`describe\` + \`nunique\` + \`value_counts\` | $PANDAS_RUNS | $pd_full_s | $(mb "$pd_kib") (both pandas rows) | |"
fi
