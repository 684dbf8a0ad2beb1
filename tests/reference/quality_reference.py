#!/usr/bin/python3
"""Golden values for the quality engine's statistics, from scikit-learn,
scipy, numpy and pandas (Debian's python3 packages).

  /usr/bin/python3 tests/reference/quality_reference.py

writes tests/reference/quality_reference.json with, per case, the inputs and
what the references compute:
  auc       sklearn.metrics.roc_auc_score(label, score)
  mi        sklearn.metrics.mutual_info_score(x, y) (nats) and scipy entropy of y
  outliers  modified z-score counts with scipy.stats.median_abs_deviation and
            Tukey-fence counts with numpy.quantile (linear)
  duplicates pandas.DataFrame.duplicated(keep="first") count and first rows
"""
import json
import pathlib

import numpy as np
import pandas as pd
import scipy.stats
import sklearn.metrics


def auc_cases(rng):
    cases = []
    # Continuous scores, weakly informative.
    y = rng.integers(0, 2, 500)
    s = y * 0.3 + rng.normal(size=500)
    cases.append(("continuous", s, y))
    # Heavy ties: integer scores in 0..4.
    y = rng.integers(0, 2, 400)
    s = np.clip(np.round(y + rng.normal(scale=1.5, size=400)) + 2, 0, 4)
    cases.append(("ties", s, y))
    # Inverse relation (AUC below one half).
    y = rng.integers(0, 2, 300)
    s = -2.0 * y + rng.normal(size=300)
    cases.append(("inverse", s, y))
    # Near-perfect separation with a few flips.
    y = rng.integers(0, 2, 1000)
    s = y.astype(float).copy()
    flip = rng.choice(1000, 10, replace=False)
    s[flip] = 1 - s[flip]
    s = s + rng.uniform(0, 0.5, 1000)
    cases.append(("leak", s, y))
    out = []
    for name, s, y in cases:
        out.append({"name": name, "score": [float(v) for v in s], "label": [int(v) for v in y],
                    "auc": float(sklearn.metrics.roc_auc_score(y, s))})
    return out


def mi_cases(rng):
    out = []
    for name, kx, ky, n, strength in [("independent", 5, 3, 2000, 0.0), ("related", 6, 4, 3000, 0.7),
                                      ("determined", 4, 4, 500, 1.0)]:
        x = rng.integers(0, kx, n)
        y = rng.integers(0, ky, n)
        take = rng.random(n) < strength
        y[take] = x[take] % ky
        counts = np.bincount(y, minlength=ky)
        out.append({"name": name, "x": [int(v) for v in x], "y": [int(v) for v in y], "kx": kx, "ky": ky,
                    "mi": float(sklearn.metrics.mutual_info_score(x, y)),
                    "entropy_y": float(scipy.stats.entropy(counts[counts > 0]))})
    return out


def outlier_cases(rng):
    out = []
    data = {
        "normal_with_spikes": np.concatenate([rng.normal(10, 2, 2000), [40.0, -25.0, 33.3]]),
        "lognormal": rng.lognormal(0, 1, 3000),
        "integers": rng.poisson(4, 1500).astype(float),
    }
    for name, v in data.items():
        v = np.round(v, 6)
        med = np.median(v)
        mad = scipy.stats.median_abs_deviation(v, scale=1.0)
        z = 0.6745 * (v - med) / mad
        q1, q3 = np.quantile(v, [0.25, 0.75])
        iqr = q3 - q1
        out.append({"name": name, "values": [float(x) for x in v], "median": float(med), "mad": float(mad),
                    "mad_outliers": int(np.sum(np.abs(z) > 3.5)),
                    "q1": float(q1), "q3": float(q3),
                    "iqr_outliers": int(np.sum((v < q1 - 1.5 * iqr) | (v > q3 + 1.5 * iqr)))})
    return out


def duplicate_cases(rng):
    n = 3000
    df = pd.DataFrame({"a": rng.integers(0, 4, n), "b": rng.choice(["x", "y", "z"], n),
                       "c": np.round(rng.normal(size=n), 1)})
    dup = df.duplicated(keep="first")
    first_rows = df.reset_index().groupby(list(df.columns))["index"].transform("min")
    return [{"name": "small_domain", "a": df["a"].tolist(), "b": df["b"].tolist(), "c": df["c"].tolist(),
             "duplicates": int(dup.sum()),
             "distinct_duplicated": int(df[dup].drop_duplicates().shape[0]),
             "first_duplicate_rows": [int(i) + 1 for i in np.flatnonzero(dup)[:5]],
             "same_as": [int(first_rows[i]) + 1 for i in np.flatnonzero(dup)[:5]]}]


def main():
    rng = np.random.default_rng(20240501)
    doc = {"generator": "tests/reference/quality_reference.py",
           "versions": {"numpy": np.__version__, "pandas": pd.__version__, "scipy": scipy.__version__,
                        "sklearn": sklearn.__version__},
           "auc": auc_cases(rng), "mi": mi_cases(rng), "outliers": outlier_cases(rng),
           "duplicates": duplicate_cases(rng)}
    path = pathlib.Path(__file__).with_suffix(".json")
    path.write_text(json.dumps(doc) + "\n")


if __name__ == "__main__":
    main()
