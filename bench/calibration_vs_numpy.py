#!/usr/bin/python3
"""assay calibration vs the same computation in NumPy/scipy, side by side.

  bench/calibration_vs_numpy.py [--rows 10000000] [--repeat 3]
                                [--assay build/release/src/assay] [--threads 2]

Generates (once, cached in bench/data/) a 2-column CSV: label 0/1 and a
noisy, miscalibrated probability rounded to 6 decimals. Then times, each
the best of --repeat runs:

  1. `assay --format json calibration --data CSV --target label --score proba`
     (10 uniform bins: ECE, MCE, adaptive ECE, Brier score and its binned
     Murphy decomposition with the within-bin terms, Hosmer-Lemeshow, the
     reliability curve with Wilson intervals), end to end from the file;
  2. pandas.read_csv plus the same statistics written with vectorised NumPy
     (np.bincount per bin, a stable argsort for the equal-mass bins,
     scipy.stats.chi2.sf) and sklearn.metrics.brier_score_loss;

checks that the two agree (1e-9 relative) and prints a Markdown row for
docs/PERFORMANCE.md. Run it when `uptime` shows an idle machine: the 2
cores are shared.
"""
import argparse
import json
import os
import subprocess
import time

import numpy as np
import pandas as pd
import scipy.stats
from sklearn.metrics import brier_score_loss

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def make(rows, seed, path):
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        rng = np.random.default_rng(seed)
        logit = 1.5 * rng.normal(size=rows) - 0.7
        y = (rng.random(rows) < 1 / (1 + np.exp(-0.8 * logit))).astype(np.uint8)
        p = np.round(1 / (1 + np.exp(-(logit + rng.normal(scale=0.5, size=rows)))), 6)
        pd.DataFrame({"label": y, "proba": p}).to_csv(path, index=False, float_format="%.6f")
    return path


def numpy_calibration(y, p, bins=10):
    n = len(p)
    y = y.astype(np.float64)
    edges = np.arange(bins + 1) / bins
    ids = np.searchsorted(edges[1:-1], p, side="right")
    count = np.bincount(ids, minlength=bins).astype(np.float64)
    sum_p = np.bincount(ids, weights=p, minlength=bins)
    sum_y = np.bincount(ids, weights=y, minlength=bins)
    full = count > 0
    mean_p = np.divide(sum_p, count, out=np.zeros(bins), where=full)
    freq = np.divide(sum_y, count, out=np.zeros(bins), where=full)
    gap = np.abs(freq - mean_p)
    ece = np.sum(count / n * gap)
    mce = gap[full].max()
    order = np.argsort(p, kind="stable")
    sizes = np.array([len(c) for c in np.array_split(np.arange(n), bins)])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    ap = np.add.reduceat(p[order], starts) / sizes
    ay = np.add.reduceat(y[order], starts) / sizes
    adaptive = np.sum(sizes / n * np.abs(ay - ap))
    o = y.mean()
    dp = p - mean_p[ids]
    wbv = np.sum(dp * dp) / n
    wbc = 2 * np.sum(dp * (y - freq[ids])) / n
    rel = np.sum(count * (mean_p - freq) ** 2) / n
    res = np.sum(count * (freq - o) ** 2) / n
    expected = sum_p[full]
    hl = np.sum((sum_y[full] - expected) ** 2 / (expected * (1 - expected / count[full])))
    df = full.sum() - 2
    z = scipy.stats.norm.ppf(0.975)
    c = count[full]
    f = freq[full]
    centre = (f + z * z / (2 * c)) / (1 + z * z / c)
    half = z * np.sqrt(f * (1 - f) / c + z * z / (4 * c * c)) / (1 + z * z / c)
    return {"ece": ece, "mce": mce, "adaptive_ece": adaptive, "brier_score": brier_score_loss(y, p),
            "reliability": rel, "resolution": res, "uncertainty": o * (1 - o),
            "within_bin_variance": wbv, "within_bin_covariance": wbc,
            "hosmer_lemeshow_chi2": hl, "hosmer_lemeshow_p_value": scipy.stats.chi2.sf(hl, df),
            "wilson": (centre - half, centre + half)}


def best_of(repeat, fn):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--assay", default=os.path.join(ROOT, "build", "release", "src", "assay"))
    args = parser.parse_args()
    csv = make(args.rows, 11, os.path.join(HERE, "data", f"calibration_{args.rows}.csv"))
    command = [args.assay, "--threads", str(args.threads), "--format", "json", "--quiet", "calibration",
               "--data", csv, "--target", "label", "--score", "proba"]
    t_assay, out = best_of(args.repeat, lambda: subprocess.run(command, check=True, capture_output=True).stdout)
    doc = json.loads(out)

    def numpy_end_to_end():
        frame = pd.read_csv(csv)
        return numpy_calibration(frame["label"].to_numpy(), frame["proba"].to_numpy())

    t_numpy, ref = best_of(args.repeat, numpy_end_to_end)
    worst = 0.0
    for name, value in ref.items():
        if name == "wilson":
            continue
        got = doc["metrics"][name]
        worst = max(worst, abs(got - value) / max(abs(value), 1e-300))
    print(f"rows {args.rows}, file {os.path.getsize(csv) / 1e6:.0f} MB, largest relative difference {worst:.2e}")
    print(f"load average after: {os.getloadavg()}")
    print("| measurement | NumPy/scipy (s) | assay (s) | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| end to end, {args.rows:,} rows: read + ECE, MCE, adaptive ECE, Brier + Murphy, Hosmer-Lemeshow, "
          f"reliability curve | {t_numpy:.3f} | {t_assay:.3f} | {t_numpy / t_assay:.1f}x |")
    if worst > 1e-9:
        raise SystemExit("assay and NumPy disagree beyond 1e-9")


if __name__ == "__main__":
    main()
