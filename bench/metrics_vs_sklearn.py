#!/usr/bin/python3
"""assay metrics vs scikit-learn on binary data, side by side in one run.

  bench/metrics_vs_sklearn.py [--rows 10000000] [--boot-rows 1000000] [--repeat 3]
                              [--assay build/release/src/assay]
                              [--bench build/bench/bench/metrics_bench]

Generates (once, cached in bench/data/) a binary dataset -- label 0/1 and a
noisy probability rounded to 6 decimals, like bench/make_data.py's `proba` --
as raw arrays and as a 2-column CSV, then times:

  1. in memory, the same arrays: scikit-learn computing (a) the issue's six
     (roc_auc, average_precision, log_loss, f1, brier, confusion matrix) and
     (b) every binary metric assay reports (those six plus accuracy,
     balanced_accuracy, precision, recall, specificity, mcc, cohen_kappa,
     ROC and PR curves, best-F1 and Youden thresholds), against
     bench/metrics_bench.cpp (evaluate_binary, no bootstrap) on the same arrays;
  2. end to end on the CSV: pandas.read_csv + the six vs
     `assay metrics --bootstrap 0` (and, for reference, with its default
     1,000-resample intervals when --with-default-ci is given);
  3. a 1,000-resample bootstrap interval of ROC AUC on --boot-rows rows:
     assay (Poisson weights on the sorted data) vs scikit-learn's roc_auc_score
     on resampled indices (timed on --sk-resamples resamples, extrapolated).

Each timing is the best of --repeat runs. Prints a Markdown table of times
and ratios for docs/PERFORMANCE.md. Run it when `uptime` shows an idle
machine: the 2 cores are shared.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from sklearn import metrics as M

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def make(rows, seed, stem):
    """label/proba arrays and CSV under bench/data, generated once."""
    y_path, p_path, csv_path = stem + ".y.u8", stem + ".p.f64", stem + ".csv"
    if not (os.path.exists(y_path) and os.path.exists(p_path) and os.path.exists(csv_path)):
        rng = np.random.default_rng(seed)
        logit = 1.5 * rng.normal(size=rows) - 0.7
        y = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(np.uint8)
        p = np.round(1 / (1 + np.exp(-(logit + rng.normal(scale=0.8, size=rows)))), 6)
        y.tofile(y_path)
        p.tofile(p_path)
        pd.DataFrame({"label": y, "proba": p}).to_csv(csv_path, index=False, float_format="%.6f")
    return y_path, p_path, csv_path


def best_of(repeat, fn):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def sklearn_six(y, p):
    pred = (p >= 0.5).astype(np.int64)
    M.roc_auc_score(y, p)
    M.average_precision_score(y, p)
    M.log_loss(y, p)
    M.f1_score(y, pred)
    M.brier_score_loss(y, p)
    M.confusion_matrix(y, pred)


def sklearn_all(y, p):
    pred = (p >= 0.5).astype(np.int64)
    sklearn_six(y, p)
    M.accuracy_score(y, pred)
    M.balanced_accuracy_score(y, pred)
    M.precision_score(y, pred)
    M.recall_score(y, pred)
    M.recall_score(y, pred, pos_label=0)
    M.matthews_corrcoef(y, pred)
    M.cohen_kappa_score(y, pred)
    M.roc_curve(y, p)
    precision, recall, _ = M.precision_recall_curve(y, p)
    np.argmax(2 * precision * recall / np.maximum(precision + recall, 1e-300))


def run_bench(bench, y_path, p_path, repeat, extra=()):
    out = subprocess.run([bench, "--labels", y_path, "--scores", p_path, "--repeat", str(repeat), *extra],
                         check=True, capture_output=True, text=True).stdout
    doc = json.loads(out)
    return min(doc["seconds"]), doc


def run_cli(assay, csv_path, repeat, extra):
    def once():
        subprocess.run([assay, "--format", "json", "metrics", "--data", csv_path, "--task", "binary",
                        "--target", "label", "--score", "proba", *extra], check=True, capture_output=True)
    return best_of(repeat, once)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--boot-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sk-resamples", type=int, default=10)
    parser.add_argument("--assay", default=os.path.join(ROOT, "build/release/src/assay"))
    parser.add_argument("--bench", default=os.path.join(ROOT, "build/bench/bench/metrics_bench"))
    parser.add_argument("--with-default-ci", action="store_true")
    args = parser.parse_args()

    print(f"load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})", file=sys.stderr)
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    y_path, p_path, csv_path = make(args.rows, 1, os.path.join(HERE, "data", f"metrics_{args.rows}"))
    y = np.fromfile(y_path, dtype=np.uint8).astype(np.int64)
    p = np.fromfile(p_path)

    rows = []
    sk_six = best_of(args.repeat, lambda: sklearn_six(y, p))
    sk_all = best_of(args.repeat, lambda: sklearn_all(y, p))
    assay_mem, doc = run_bench(args.bench, y_path, p_path, args.repeat)
    auc_gap = abs(doc["metrics"]["roc_auc"] - M.roc_auc_score(y, p))
    rows.append((f"in memory, {args.rows:,} rows: the six", sk_six, assay_mem))
    rows.append((f"in memory, {args.rows:,} rows: all binary metrics", sk_all, assay_mem))

    sk_load = best_of(1, lambda: pd.read_csv(csv_path))
    frame = pd.read_csv(csv_path)
    sk_e2e = sk_load + best_of(1, lambda: sklearn_six(frame["label"].to_numpy(), frame["proba"].to_numpy()))
    assay_e2e = run_cli(args.assay, csv_path, args.repeat, ["--bootstrap", "0"])
    rows.append((f"end to end on the CSV ({os.path.getsize(csv_path) / 1e6:.0f} MB): read + the six", sk_e2e, assay_e2e))
    if args.with_default_ci:
        assay_ci = run_cli(args.assay, csv_path, 1, [])
        rows.append(("end to end, assay with its default 1,000-resample intervals", sk_e2e, assay_ci))

    by, bp, _ = make(args.boot_rows, 2, os.path.join(HERE, "data", f"metrics_{args.boot_rows}"))
    yb = np.fromfile(by, dtype=np.uint8).astype(np.int64)
    pb = np.fromfile(bp)
    rng = np.random.default_rng(0)

    def sk_resamples():
        for _ in range(args.sk_resamples):
            idx = rng.integers(0, len(yb), size=len(yb))
            M.roc_auc_score(yb[idx], pb[idx])
    sk_boot = best_of(1, sk_resamples) * 1000 / args.sk_resamples
    base, _ = run_bench(args.bench, by, bp, args.repeat)
    boot, _ = run_bench(args.bench, by, bp, args.repeat, ["--bootstrap", "1000", "--ci-metrics", "roc_auc"])
    rows.append((f"ROC AUC + 1,000-resample CI, {args.boot_rows:,} rows", sk_boot, boot))
    all_ci, _ = run_bench(args.bench, by, bp, 1, ["--bootstrap", "1000"])

    print(f"load average after: {os.getloadavg()[0]:.2f}; |assay - sklearn| roc_auc = {auc_gap:.1e}",
          file=sys.stderr)
    print("| measurement | scikit-learn (s) | assay (s) | ratio |")
    print("|---|---:|---:|---:|")
    for name, sk, ours in rows:
        print(f"| {name} | {sk:.2f} | {ours:.3f} | {sk / ours:.1f}x |")
    print(f"\nassay bootstrap alone (1,000 resamples of ROC AUC, {args.boot_rows:,} rows): {boot - base:.3f} s; "
          f"all 12 binary metrics with intervals: {all_ci:.3f} s. scikit-learn resamples timed: {args.sk_resamples}, "
          "extrapolated to 1,000.")


if __name__ == "__main__":
    main()
