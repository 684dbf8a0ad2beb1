#!/usr/bin/python3
"""Generates a wide drift benchmark CSV: N rows x (numeric + categorical) columns.

Numeric columns n0..: normal with column-specific location and scale,
4 decimals. Categorical columns c0..: 5 to 50 levels ("v0", "v1", ...) with
Zipf-like weights. --shift k moves the first k numeric columns by 0.5
standard deviations and reverses the weights of the first k // 4
categorical columns.

  bench/drift_make_wide.py --rows 100000 --numeric 700 --categorical 300 --seed 1 --out bench/data/wide_ref.csv
"""
import argparse

import numpy as np
import pandas as pd


def block(rng, rows, numeric, categorical, shift):
    data = {}
    for j in range(numeric):
        scale = 10.0 ** (j % 4 - 1)
        col = rng.normal(loc=j % 17, scale=scale, size=rows)
        if j < shift:
            col += 0.5 * scale
        data[f"n{j}"] = np.round(col, 4)
    for j in range(categorical):
        k = 5 + (j * 7) % 46
        p = 1.0 / np.arange(1, k + 1)
        if j < shift // 4:
            p = p[::-1]
        p /= p.sum()
        names = np.array([f"v{i}" for i in range(k)])
        data[f"c{j}"] = names[rng.choice(k, size=rows, p=p)]
    return pd.DataFrame(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--numeric", type=int, default=700)
    parser.add_argument("--categorical", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shift", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    step = 10_000
    with open(args.out, "w") as f:
        for start in range(0, args.rows, step):
            rows = min(step, args.rows - start)
            block(rng, rows, args.numeric, args.categorical, args.shift).to_csv(f, index=False, header=start == 0)


if __name__ == "__main__":
    main()
