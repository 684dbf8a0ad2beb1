#!/usr/bin/python3
"""Benchmarks `assay drift` against pandas + scipy (issue 4's speed and wide-data bars).

speed: 1,000,000 x 20 reference vs current (bench/make_data.py; the current
       with --shift 5). `assay drift` (auto, end to end: read both CSVs, compare,
       write JSON) vs pandas + scipy doing the same work in the same run: read
       both CSVs with pandas, then per column the method assay's auto rule picks
       (normed Wasserstein for numeric columns, Jensen-Shannon on category
       counts for categorical or <= 5-valued ones, as the reference has > 1,000
       rows). The statistics of both must agree to 1e-6 relative.
wide:  100,000 x 1,000 columns (700 numeric, 300 categorical;
       bench/drift_make_wide.py, current with --shift 40): `assay drift` end
       to end, its peak RSS against the typed size of the two tables, and the
       split between reading and the drift engine (bench drift_bench).

Every timing is the median of --repeat runs; peak RSS comes from
/usr/bin/time -v. Run on an idle machine (check `uptime`).

  /usr/bin/python3 bench/drift_vs_scipy.py --assay build/release/src/assay \\
      --drift-bench build/bench/bench/drift_bench [--case speed|wide|all] [--repeat 3]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def ensure(path, command):
    if not os.path.exists(path):
        print(f"generating {path}", file=sys.stderr)
        subprocess.run(command, check=True)


def timed(command):
    """Wall seconds, peak RSS in MB and stdout of one run under /usr/bin/time -v."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    return wall, rss_kb / 1024.0, proc.stdout


def scipy_side(ref_path, cur_path, out_path):
    """pandas + scipy doing what `assay drift` (auto) does; writes the statistics."""
    import numpy as np
    import pandas as pd
    from scipy.spatial.distance import jensenshannon
    from scipy.stats import chi2_contingency, ks_2samp, wasserstein_distance

    ref = pd.read_csv(ref_path)
    cur = pd.read_csv(cur_path)
    out = {}
    for col in ref.columns:
        r = ref[col].dropna()
        c = cur[col].dropna()
        numeric = pd.api.types.is_numeric_dtype(r) and not pd.api.types.is_bool_dtype(r)
        if numeric and pd.concat([r, c]).nunique() > 5:
            rv, cv = r.to_numpy(float), c.to_numpy(float)
            if len(rv) <= 1000:
                out[col] = float(ks_2samp(rv, cv).statistic)
            else:
                out[col] = float(wasserstein_distance(rv, cv) / max(np.std(rv), 0.001))
        else:
            rc, cc = r.value_counts(sort=False), c.value_counts(sort=False)
            keys = list(rc.index) + [k for k in cc.index if k not in rc.index]
            rcount = np.array([rc.get(k, 0) for k in keys], float)
            ccount = np.array([cc.get(k, 0) for k in keys], float)
            if len(r) <= 1000:
                out[col] = float(chi2_contingency(np.array([rcount, ccount]), correction=False)[0])
            else:
                out[col] = float(jensenshannon(rcount, ccount))
    with open(out_path, "w") as f:
        json.dump(out, f)


def median(xs):
    return statistics.median(xs)


def speed_case(args):
    ref = os.path.join(DATA, "ref_1m.csv")
    cur = os.path.join(DATA, "cur_1m_shift5.csv")
    make = [sys.executable, os.path.join(HERE, "make_data.py"), "--rows", "1000000"]
    ensure(ref, make + ["--seed", "1", "--out", ref])
    ensure(cur, make + ["--seed", "2", "--shift", "5", "--out", cur])
    scipy_out = os.path.join(DATA, "drift_scipy_stats.json")
    assay_runs, scipy_runs = [], []
    doc = None
    for _ in range(args.repeat):
        wall, rss, stdout = timed([args.assay, "-q", "--format", "json", "drift", "--reference", ref, "--current", cur])
        assay_runs.append((wall, rss))
        doc = json.loads(stdout)
        wall, rss, _ = timed([sys.executable, __file__, "--scipy-side", ref, cur, scipy_out])
        scipy_runs.append((wall, rss))
    with open(scipy_out) as f:
        expected = json.load(f)
    worst = 0.0
    for c in doc["columns"]:
        e = expected[c["column"]]
        worst = max(worst, abs(c["statistic"] - e) / max(abs(e), 1e-300))
    split = []
    if args.drift_bench:
        for _ in range(args.repeat):
            _, _, out = timed([args.drift_bench, ref, cur])
            split.append(json.loads(out))
    a_wall, s_wall = median([w for w, _ in assay_runs]), median([w for w, _ in scipy_runs])
    print("## speed: 1,000,000 x 20 vs 1,000,000 x 20 (auto)\n")
    print("| tool | wall s (median of %d) | peak RSS MB |" % args.repeat)
    print("|---|---:|---:|")
    print(f"| assay drift | {a_wall:.2f} | {median([r for _, r in assay_runs]):.0f} |")
    print(f"| pandas + scipy | {s_wall:.2f} | {median([r for _, r in scipy_runs]):.0f} |")
    print(f"\nratio pandas+scipy / assay: {s_wall / a_wall:.1f}x; largest relative difference of the "
          f"{len(doc['columns'])} statistics: {worst:.1e}")
    print(f"all runs (s): assay {[round(w, 2) for w, _ in assay_runs]}, pandas+scipy {[round(w, 2) for w, _ in scipy_runs]}")
    if split:
        print(f"assay split (drift_bench): read {median([s['read_seconds'] for s in split]):.2f} s, "
              f"drift engine {median([s['drift_seconds'] for s in split]):.2f} s")
    print(f"Bar: < 3 s -> {'met' if a_wall < 3 else 'NOT met'}; >= 10x -> {'met' if s_wall / a_wall >= 10 else 'NOT met'}\n")


def wide_case(args):
    ref = os.path.join(DATA, "wide_ref.csv")
    cur = os.path.join(DATA, "wide_cur.csv")
    make = [sys.executable, os.path.join(HERE, "drift_make_wide.py"), "--rows", "100000"]
    ensure(ref, make + ["--seed", "1", "--out", ref])
    ensure(cur, make + ["--seed", "2", "--shift", "40", "--out", cur])
    runs = []
    doc = None
    for _ in range(args.repeat):
        wall, rss, stdout = timed([args.assay, "-q", "--format", "json", "drift", "--reference", ref, "--current", cur])
        runs.append((wall, rss))
        doc = json.loads(stdout)
    split = []
    if args.drift_bench:
        for _ in range(args.repeat):
            _, _, out = timed([args.drift_bench, ref, cur])
            split.append(json.loads(out))
    wall, rss = median([w for w, _ in runs]), median([r for _, r in runs])
    print("## wide: 100,000 x 1,000 vs 100,000 x 1,000 (700 numeric, 300 categorical)\n")
    print(f"assay drift: {wall:.2f} s wall (median of {args.repeat}; runs {[round(w, 2) for w, _ in runs]}), "
          f"peak RSS {rss:.0f} MB; {doc['drifted_columns']} of {doc['compared_columns']} columns drifted (50 planted)")
    if split:
        typed = split[0]["typed_bytes"] / 2**20
        print(f"typed size of the two tables {typed:.0f} MB; peak RSS / typed = {rss / typed:.2f} "
              f"(bar < 2: {'met' if rss < 2 * typed else 'NOT met'})")
        print(f"split (drift_bench): read {median([s['read_seconds'] for s in split]):.2f} s, "
              f"drift engine {median([s['drift_seconds'] for s in split]):.2f} s")
        scaling = []
        for columns in (250, 500, 1000):
            for threads in (1, 2):
                times = []
                for _ in range(args.repeat):
                    _, _, out = timed([args.drift_bench, ref, cur, str(threads), str(columns)])
                    times.append(json.loads(out)["drift_seconds"])
                scaling.append((columns, threads, median(times)))
        print("\ndrift engine time by columns compared (reading excluded):\n")
        print("| columns | 1 thread s | 2 threads s |")
        print("|---:|---:|---:|")
        for columns in (250, 500, 1000):
            t1 = next(t for c, th, t in scaling if c == columns and th == 1)
            t2 = next(t for c, th, t in scaling if c == columns and th == 2)
            print(f"| {columns} | {t1:.2f} | {t2:.2f} |")
    print(f"\nBar: < 20 s -> {'met' if wall < 20 else 'NOT met'}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assay", default=os.path.join(HERE, "..", "build", "release", "src", "assay"))
    parser.add_argument("--drift-bench", default=None, help="bench/drift_bench binary (bench preset)")
    parser.add_argument("--case", choices=["speed", "wide", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scipy-side", nargs=3, metavar=("REF", "CUR", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scipy_side:
        scipy_side(*args.scipy_side)
        return
    print(f"machine: {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}\n")
    if args.case in ("speed", "all"):
        speed_case(args)
    if args.case in ("wide", "all"):
        wide_case(args)


if __name__ == "__main__":
    main()
