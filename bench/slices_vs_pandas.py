#!/usr/bin/python3
"""assay slices (weak-slice discovery) vs the same search written with pandas.

  bench/slices_vs_pandas.py [--rows 1000000] [--repeat 3] [--threads 2]
                            [--assay build/release/src/assay]
                            [--slices-bench build/bench/bench/slices_bench]

Generates (once, cached in bench/data/) a binary dataset of --rows rows with
10 slicing columns -- 6 categorical (3 to 20 levels) and 4 numeric, one with
nulls -- a 0/1 label and a prediction wrong on 10% of rows, and on 50% of
the planted slice cat2 = c2 AND cat3 = d3 (2.5% of rows). Then times,
best of --repeat:

  1. `assay slices --data FILE --task binary --target y --prediction pred
     --depth 2 --bootstrap 1000` end to end (reading the CSV included);
  2. the same search in pandas: quantile bins by the same rule, per-row
     0/1 errors, level-1 and level-2 groupby(...).agg(count, sum, sumsq),
     SliceLine scores, the upper-bound pruning, Welch t-tests (scipy t.sf),
     Benjamini-Hochberg, the restatement filter and the top 20 -- timed
     without pandas.read_csv (the frame is read once beforehand).

  3. the search alone in assay (bench/slices_bench.cpp, `cmake --preset bench`
     then `cmake --build --preset bench --target slices_bench`): the table
     read once, then run_slices timed, as pandas' search is timed.

Checks that both rank the planted slice first and prints a Markdown table
for docs/PERFORMANCE.md: end to end (assay's CLI against pandas.read_csv
plus the search) and search against search. Run it on an idle machine: the 2 cores are shared.
"""
import argparse
import itertools
import json
import os
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def make_data(rows, path):
    rng = np.random.default_rng(20261203)
    frame = {}
    levels = [3, 4, 5, 8, 12, 20]
    for j, k in enumerate(levels):
        letters = "abcdef"[j]
        frame["cat%d" % j] = np.array(["%s%d" % (letters, i) for i in range(k)])[rng.integers(0, k, rows)]
    frame["num0"] = np.round(rng.normal(50, 10, rows), 2)
    frame["num1"] = np.round(rng.exponential(1000, rows), 1)
    frame["num2"] = rng.integers(0, 100, rows)
    num3 = np.round(rng.random(rows), 4)
    num3[rng.random(rows) < 0.05] = np.nan
    frame["num3"] = num3
    y = (rng.random(rows) < 0.4).astype(int)
    planted = (frame["cat2"] == "c2") & (frame["cat3"] == "d3")
    wrong = rng.random(rows) < np.where(planted, 0.5, 0.1)
    frame["y"] = y
    frame["pred"] = np.where(wrong, 1 - y, y)
    pd.DataFrame(frame).to_csv(path, index=False)


def quantile_bins(values, bins):
    """The project's rule: inner edges at the i/bins quantiles (linear),
    duplicates and edges at the maximum dropped, x <= edge; nulls last."""
    finite = values[~np.isnan(values)]
    edges = []
    for i in range(1, bins):
        q = float(np.quantile(finite, i / bins))
        if not edges or q > edges[-1]:
            edges.append(q)
    top = finite.max()
    while edges and edges[-1] >= top:
        edges.pop()
    codes = np.searchsorted(np.array(edges), values, side="left")
    codes[np.isnan(values)] = len(edges) + 1
    return codes


def pandas_search(df, target, prediction, depth=2, bins=5, alpha=0.95, min_support=50, top=20,
                  min_lift=0.05, significance=0.05):
    errors = (df[target] != df[prediction]).to_numpy(dtype=float)
    n = len(errors)
    mean = errors.mean()
    cols = [c for c in df.columns if c not in (target, prediction)]
    coded = pd.DataFrame(index=df.index)
    for c in cols:
        if df[c].dtype.kind in "fi":
            coded[c] = quantile_bins(df[c].to_numpy(dtype=float), bins)
        else:
            coded[c] = df[c].fillna("null")
    coded["_e"] = errors
    coded["_e2"] = errors * errors
    total_sum, total_sq = errors.sum(), errors.sum()

    def score(count, esum):
        return alpha * ((esum / count) / mean - 1) - (1 - alpha) * (n / count - 1)

    def upper_bound(count, esum, emax):
        s_values = [np.full_like(count, min_support, dtype=float), np.clip(esum / np.maximum(emax, 1e-300), min_support, count), count]
        return np.max([score(s, np.minimum(esum, s * emax)) for s in s_values], axis=0)

    level1 = {}
    for c in cols:
        g = coded.groupby(c, sort=False).agg(count=("_e", "size"), esum=("_e", "sum"), esq=("_e2", "sum"), emax=("_e", "max"))
        g = g[(g["count"] >= min_support) & (g["count"] < n)]
        g["ub"] = upper_bound(g["count"].to_numpy(float), g["esum"].to_numpy(), g["emax"].to_numpy())
        level1[c] = g
    records = []
    for c, g in level1.items():
        for level, cnt, s, q in zip(g.index, g["count"], g["esum"], g["esq"]):
            records.append((((c, level),), cnt, s, q, ()))
    if depth >= 2:
        for a, b in itertools.combinations(cols, 2):
            ga, gb = level1[a], level1[b]
            ext_a = ga[(ga["esum"] > 0) & (ga["ub"] > 0)]
            ext_b = gb[(gb["esum"] > 0) & (gb["ub"] > 0)]
            if ext_a.empty or ext_b.empty:
                continue
            g = coded.groupby([a, b], sort=False).agg(count=("_e", "size"), esum=("_e", "sum"), esq=("_e2", "sum"))
            g = g[g["count"] >= min_support]
            la = g.index.get_level_values(0)
            lb = g.index.get_level_values(1)
            keep = la.isin(ext_a.index) & lb.isin(ext_b.index)
            g = g[keep]
            la, lb = g.index.get_level_values(0), g.index.get_level_values(1)
            pa, pb = ga.loc[la], gb.loc[lb]
            bound_count = np.minimum(pa["count"].to_numpy(float), pb["count"].to_numpy(float))
            bound_sum = np.minimum(pa["esum"].to_numpy(), pb["esum"].to_numpy())
            bound_max = np.minimum(pa["emax"].to_numpy(), pb["emax"].to_numpy())
            ok = upper_bound(bound_count, bound_sum, bound_max) > 0
            for (va, vb), cnt, s, q, ca, sa, qa, cb, sb, qb in zip(
                    g.index[ok], g["count"][ok], g["esum"][ok], g["esq"][ok], pa["count"][ok], pa["esum"][ok],
                    pa["esq"][ok], pb["count"][ok], pb["esum"][ok], pb["esq"][ok]):
                records.append((((a, va), (b, vb)), cnt, s, q, ((ca, sa, qa), (cb, sb, qb))))
    count = np.array([r[1] for r in records], float)
    esum = np.array([r[2] for r in records])
    esq = np.array([r[3] for r in records])

    def welch(c1, s1, q1, c2, s2, q2):
        m1, m2 = s1 / c1, s2 / c2
        v1 = (q1 - s1 * m1) / (c1 - 1)
        v2 = (q2 - s2 * m2) / (c2 - 1)
        se2 = v1 / c1 + v2 / c2
        t = (m1 - m2) / np.sqrt(se2)
        df = se2 ** 2 / ((v1 / c1) ** 2 / (c1 - 1) + (v2 / c2) ** 2 / (c2 - 1))
        return t, 2 * stats.t.sf(np.abs(t), df)

    with np.errstate(all="ignore"):
        t, p = welch(count, esum, esq, n - count, total_sum - esum, total_sq - esq)
        sc = score(count, esum)
    tested = np.isfinite(p)
    adjusted = np.full_like(p, np.nan)
    order = np.argsort(p[tested], kind="stable")
    m = tested.sum()
    ranked = p[tested][order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    adj = np.empty(m)
    adj[order] = np.minimum(ranked, 1)
    adjusted[tested] = adj
    chosen = []
    for i, r in enumerate(records):
        if not sc[i] > 0:
            continue
        restates = False
        for (pc, ps, pq) in r[4]:
            if pc == count[i] or esum[i] / count[i] <= (ps / pc) * (1 + min_lift):
                restates = True
                break
            with np.errstate(all="ignore"):
                tt, pp = welch(count[i], esum[i], esq[i], pc - count[i], ps - esum[i], pq - esq[i])
            if not (tt > 0 and pp < significance):
                restates = True
                break
        if not restates:
            chosen.append(i)
    chosen.sort(key=lambda i: (-sc[i], -count[i]))
    return [(records[i][0], int(count[i]), float(sc[i]), float(adjusted[i])) for i in chosen[:top]], len(records)


def best_of(repeat, fn):
    best, out = None, None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--assay", default=os.path.join(ROOT, "build/release/src/assay"))
    ap.add_argument("--slices-bench", default=os.path.join(ROOT, "build/bench/bench/slices_bench"))
    args = ap.parse_args()
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    path = os.path.join(HERE, "data", "slices_%d.csv" % args.rows)
    if not os.path.exists(path):
        make_data(args.rows, path)

    command = [args.assay, "--threads", str(args.threads), "--format", "json", "slices", "--data", path,
               "--task", "binary", "--target", "y", "--prediction", "pred", "--depth", "2", "--bootstrap", "1000"]
    assay_time, out = best_of(args.repeat, lambda: subprocess.run(command, check=True, capture_output=True).stdout)
    doc = json.loads(out)
    assay_top = doc["slices"][0]["label"]

    read_time, df = best_of(args.repeat, lambda: pd.read_csv(path, dtype={"cat%d" % j: "category" for j in range(6)}))
    pandas_time, (top, examined) = best_of(args.repeat, lambda: pandas_search(df, "y", "pred"))
    pandas_top = " AND ".join("%s = %s" % (c, v) for c, v in top[0][0])

    # The search alone, on a table already in memory, as pandas' is timed.
    search = None
    if os.path.exists(args.slices_bench):
        out = subprocess.run([args.slices_bench, path, str(args.threads), str(args.repeat)], check=True,
                             capture_output=True, text=True).stdout
        search = json.loads(out)

    print("| rows | columns | depth | slices examined (assay / pandas) | | assay | pandas | ratio |")
    print("|---:|---:|---:|---|---|---:|---:|---:|")
    print("| %d | 10 | 2 | %d / %d | end to end (CSV read included) | %.3f s | %.3f s | %.1fx |" % (
        args.rows, doc["examined"], examined, assay_time, read_time + pandas_time,
        (read_time + pandas_time) / assay_time))
    if search is not None:
        print("| | | | | search only (table in memory) | %.3f s | %.3f s | %.1fx |" % (
            search["search_seconds"], pandas_time, pandas_time / search["search_seconds"]))
    print()
    print("pandas read_csv: %.3f s; assay read: %s" % (
        read_time, "%.3f s" % search["read_seconds"] if search else "(slices_bench not built)"))
    print("top slice: assay '%s' (p_adj %.3g), pandas '%s' (p_adj %.3g)" % (
        assay_top, doc["slices"][0]["p_adjusted"], pandas_top, top[0][3]))
    print("command:", " ".join(command))
    if search is not None and search["top"] != assay_top:
        print("MISMATCH between slices_bench and assay slices", file=sys.stderr)
        sys.exit(1)
    if assay_top != pandas_top:
        print("MISMATCH in the top slice", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
