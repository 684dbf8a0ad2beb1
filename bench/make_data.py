#!/usr/bin/python3
"""Generates the benchmark CSVs: N rows x 20 columns.

Columns: f0..f11 (float, normal with column-specific scales), c0..c5
(categorical, 5 to 200 levels, Zipf-like), label (int 0/1), proba (float in
[0, 1], a noisy score of label). --shift k moves the first k numeric columns
by 0.5 standard deviations and re-weights the first categorical column
(for drift benchmarks).

  bench/make_data.py --rows 1000000 --seed 1 --out bench/data/ref.csv
"""
import argparse

import numpy as np
import pandas as pd


def make(rows: int, seed: int, shift: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    data = {}
    for j in range(12):
        scale = 10.0 ** (j % 4 - 1)
        col = rng.normal(loc=j, scale=scale, size=rows)
        if j < shift:
            col += 0.5 * scale
        data[f"f{j}"] = np.round(col, 6)
    levels = [5, 10, 20, 50, 100, 200]
    for j, k in enumerate(levels):
        p = 1.0 / np.arange(1, k + 1)
        if j == 0 and shift > 0:
            p = p[::-1]
        p /= p.sum()
        codes = rng.choice(k, size=rows, p=p)
        names = np.array([f"c{j}_v{i}" for i in range(k)])
        data[f"c{j}"] = names[codes]
    logit = 0.8 * (data["f0"] - 0) + 0.5 * (data["f1"] - 1) / 1.0 - 0.7
    label = (rng.random(rows) < 1.0 / (1.0 + np.exp(-logit))).astype(np.int64)
    data["label"] = label
    noisy = logit + rng.normal(scale=0.8, size=rows)
    data["proba"] = np.round(1.0 / (1.0 + np.exp(-noisy)), 6)
    return pd.DataFrame(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shift", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    make(args.rows, args.seed, args.shift).to_csv(args.out, index=False)


if __name__ == "__main__":
    main()
