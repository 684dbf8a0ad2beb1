#!/usr/bin/env bash
# The HTML report's size does not grow with the rows evaluated: runs the
# example suite (examples/suite) on its data as shipped and with the current
# data repeated 10 times, and prints the size of each report, of its inlined
# libraries and of the rest (markup, style, script, chart specs).
#   bench/html_report_size.sh [ASSAY_BINARY]     (default build/release/src/assay)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
assay=${1:-$root/build/release/src/assay}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/x1/suite" "$work/x1/weather" "$work/x10/suite" "$work/x10/weather"
for n in x1 x10; do
  cp "$root/examples/suite/assay.yaml" "$root/examples/suite/weather.schema.json" "$work/$n/suite/"
  cp "$root/examples/weather/reference.csv" "$work/$n/weather/"
done
cp "$root/examples/weather/current.csv" "$work/x1/weather/"
{
  head -n 1 "$root/examples/weather/current.csv"
  for _ in $(seq 10); do tail -n +2 "$root/examples/weather/current.csv"; done
} > "$work/x10/weather/current.csv"

libraries=$(ls -1 "$root"/web/node_modules/vega/build/vega.min.js "$root"/web/node_modules/vega-lite/build/vega-lite.min.js \
  "$root"/web/node_modules/vega-embed/build/vega-embed.min.js 2>/dev/null | xargs -r cat | wc -c)
printf '%-6s %10s %12s %14s %16s\n' rows "exit" "report bytes" "library bytes" "the rest (bytes)"
for n in x1 x10; do
  set +e
  "$assay" --quiet run "$work/$n/suite/assay.yaml" --set "outputs.html=$work/$n/report.html" \
    --set "outputs.json=$work/$n/r.json" --set "outputs.junit=$work/$n/j.xml" --set "outputs.markdown=$work/$n/s.md" >/dev/null
  code=$?
  set -e
  rows=$(($(wc -l < "$work/$n/weather/current.csv") - 1))
  size=$(wc -c < "$work/$n/report.html")
  printf '%-6s %10s %12s %14s %16s\n' "$rows" "$code" "$size" "$libraries" "$((size - libraries))"
done
