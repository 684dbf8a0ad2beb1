#!/usr/bin/python3
"""Times `assay quality` and `assay leakage` against pandas doing the same
checks on the same cached CSVs, in one run, and prints a Markdown table.

  /usr/bin/python3 bench/quality_vs_pandas.py [--assay build/release/src/assay]

Inputs (1,000,000 x 20, ~160 MB each; generated if missing with bench/make_data.py):
  reference / train  bench/data/ref_1m.csv  (--seed 1)
  data / test        bench/data/cur_1m.csv  (--seed 2)

assay (wall clock, process start-up and both reads included):
  assay quality --data cur --reference ref --target label
  assay leakage --train ref --test cur --target label

pandas (inside this process, import excluded, both reads included) does what
those commands check:
  quality  read_csv x2; isna; duplicated; nunique and top-value share; columns
           with equal content (hash_pandas_object); infinities; min/max range
           against the reference; robust z-score outliers (median, MAD);
           categories unseen in the reference (isin); blank strings; numbers
           inside text columns (to_numeric); class balance (value_counts);
           single-feature ROC AUC (sklearn; categories scored by positive rate)
  leakage  read_csv x2; exact train/test row matches (merge on the features);
           the same after normalisation (strip + lower text, floats to 6
           significant digits); single-feature ROC AUC on train

Best of --runs runs each (default 3), after one read of the files to put them
in the page cache. The load average is printed: other work on the machine
slows both sides.
"""
import argparse
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd
import sklearn.metrics

ROOT = pathlib.Path(__file__).resolve().parent.parent
REF = ROOT / "bench/data/ref_1m.csv"
CUR = ROOT / "bench/data/cur_1m.csv"


def ensure(path, seed):
    if not path.exists():
        print(f"generating {path} ...", file=sys.stderr)
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "bench/make_data.py"), "--rows", "1000000", "--seed", str(seed),
                        "--out", str(path)], check=True)


def time_assay(args, runs):
    """Best wall time and peak RSS (KiB, from /usr/bin/time: a forked Python's
    pages would inflate RUSAGE_CHILDREN) over `runs` runs."""
    best, rss = None, 0
    with tempfile.NamedTemporaryFile() as rss_file:
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file.name] + args,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            took = time.perf_counter() - start
            if done.returncode not in (0, 1):
                sys.exit(f"error: {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
            best = took if best is None else min(best, took)
            rss = max(rss, int(pathlib.Path(rss_file.name).read_text().split()[-1]))
    return best, rss


def time_pandas(fn, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best


def auc_power(y, score):
    a = sklearn.metrics.roc_auc_score(y, score)
    return max(a, 1 - a)


def pandas_quality():
    cur = pd.read_csv(CUR)
    ref = pd.read_csv(REF)
    out = {"missing": cur.isna().mean(), "duplicates": int(cur.duplicated().sum()), "nunique": cur.nunique()}
    out["top_share"] = {c: cur[c].value_counts(normalize=True).iloc[0] for c in cur.columns}
    hashes = {c: int(pd.util.hash_pandas_object(cur[c], index=False).sum()) for c in cur.columns}
    out["duplicate_columns"] = len(hashes) - len(set(hashes.values()))
    numeric = cur.select_dtypes("number").columns
    text = cur.select_dtypes("object").columns
    y = cur["label"]
    for c in numeric:
        s = cur[c]
        out[f"inf_{c}"] = int(np.isinf(s).sum())
        out[f"range_{c}"] = int(((s < ref[c].min()) | (s > ref[c].max())).sum())
        med = s.median()
        mad = (s - med).abs().median()
        out[f"outliers_{c}"] = int(((0.6745 * (s - med) / mad).abs() > 3.5).sum()) if mad > 0 else 0
        if c != "label":
            out[f"auc_{c}"] = auc_power(y, s)
    for c in text:
        s = cur[c]
        out[f"unseen_{c}"] = int((~s.isin(ref[c].unique())).sum())
        out[f"blank_{c}"] = int(s.str.strip().eq("").sum())
        out[f"numbers_{c}"] = int(pd.to_numeric(s, errors="coerce").notna().sum())
        out[f"auc_{c}"] = auc_power(y, s.map(y.groupby(s).mean()))
    out["classes"] = y.value_counts()
    return out


def round6(x):
    x = x.to_numpy(dtype=float)
    mag = np.floor(np.log10(np.abs(np.where(x == 0, 1.0, x))))
    scale = 10.0 ** (5 - mag)
    return np.round(x * scale) / scale


def pandas_leakage():
    train = pd.read_csv(REF)
    test = pd.read_csv(CUR)
    features = [c for c in train.columns if c != "label"]

    def matches(a, b):
        merged = b[features].merge(a[features].drop_duplicates(), how="left", on=features, indicator=True)
        return int((merged["_merge"] == "both").sum())

    def normalise(df):
        out = df[features].copy()
        for c in features:
            out[c] = out[c].str.strip().str.lower() if out[c].dtype == object else round6(out[c])
        return out

    exact = matches(train, test)
    normalised = matches(normalise(train), normalise(test))
    y = train["label"]
    aucs = {}
    for c in features:
        s = train[c]
        aucs[c] = auc_power(y, s.map(y.groupby(s).mean()) if s.dtype == object else s)
    return exact, normalised, aucs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assay", default=os.environ.get("ASSAY", str(ROOT / "build/release/src/assay")))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure(REF, 1)
    ensure(CUR, 2)
    for p in (REF, CUR):
        p.read_bytes()
    quality_cmd = [args.assay, "quality", "--data", str(CUR), "--reference", str(REF), "--target", "label"]
    leakage_cmd = [args.assay, "leakage", "--train", str(REF), "--test", str(CUR), "--target", "label"]
    load_before = os.getloadavg()[0]
    aq, rss_quality = time_assay(quality_cmd, args.runs)
    pq = time_pandas(pandas_quality, args.runs)
    al, rss_leakage = time_assay(leakage_cmd, args.runs)
    pl = time_pandas(pandas_leakage, args.runs)
    load_after = os.getloadavg()[0]
    rss_assay = max(rss_quality, rss_leakage)
    rss_pandas = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"Load average (1 min) {load_before:.2f} before, {load_after:.2f} after; {os.cpu_count()} cores; best of {args.runs}.\n")
    print("| task | assay (s) | pandas (s) | pandas / assay |")
    print("|---|---:|---:|---:|")
    print(f"| quality, 1M x 20 with reference | {aq:.2f} | {pq:.2f} | {pq / aq:.1f}x |")
    print(f"| leakage, 1M train vs 1M test | {al:.2f} | {pl:.2f} | {pl / al:.1f}x |")
    print(f"\nPeak RSS: assay {rss_assay / 1024:.0f} MiB, pandas {rss_pandas / 1024:.0f} MiB.")
    print(f"Bar (issue 5): each assay time under 3 s: quality {'met' if aq < 3 else 'NOT met'}, "
          f"leakage {'met' if al < 3 else 'NOT met'}.")


if __name__ == "__main__":
    main()
