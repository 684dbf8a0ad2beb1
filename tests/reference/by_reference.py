#!/usr/bin/python3
"""Golden values for `assay metrics --by` and `assay drift --by`
(tests/cli/by_cli_test.cpp), computed independently of assay:

- per-group metrics: pandas groupby + sklearn.metrics on each group's rows;
- per-segment drift: scipy.stats.ks_2samp and chi2_contingency
  (correction=False) on each country's reference and current rows, the
  Bonferroni adjustment min(1, m p) over the m tested columns of the
  segment, and PSI on the project's bins (make_bins and binned from
  drift_reference.py, the rule of stats/quantile_bins written with numpy).

Groups of a numeric column are its quantile bins by the same rule (inner
edges at numpy.quantile(i / bins), duplicates and edges at the maximum
dropped, bin i holds edge[i-1] < x <= edge[i]), nulls their own level.

Writes the data files tests/data/by/*.csv and tests/reference/by_reference.json.
Run with Debian's python3 (numpy, pandas, scipy, scikit-learn):

  /usr/bin/python3 tests/reference/by_reference.py
"""
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st
import sklearn
from sklearn import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from drift_reference import binned, bin_counts, make_bins, write_reference  # noqa: E402

DATA = os.path.join(HERE, "..", "data", "by")


def g6(x):
    return "%.6g" % x


def quantile_levels(values, bins):
    """Level label of each value by the slices' rule (encode.hpp)."""
    finite = np.sort(values[~np.isnan(values)])
    b = make_bins(finite, bins)
    out = []
    for x in values:
        if np.isnan(x):
            out.append("null")
        elif b["by_value"]:
            out.append("= " + g6(x))
        else:
            edges = b["edges"]
            i = int(np.searchsorted(edges, x, side="left"))
            out.append("<= " + g6(edges[0]) if i == 0 else
                       "> " + g6(edges[-1]) if i == len(edges) else "(%s, %s]" % (g6(edges[i - 1]), g6(edges[i])))
    return out


def scored_frame():
    rng = np.random.default_rng(20261203)
    sizes = {"DE": 180, "FR": 130, "US": 100, None: 22, "LU": 8, "MT": 60}
    country = np.concatenate([[k] * n for k, n in sizes.items()]).astype(object)
    n = len(country)
    order = rng.permutation(n)
    country = country[order]
    age = np.round(rng.normal(40, 12, n), 1)
    age[rng.random(n) < 0.05] = np.nan
    y = (rng.random(n) < np.where(country == "US", 0.6, 0.35)).astype(int)
    y[country == "MT"] = 0  # one class: roc_auc undefined there
    score = np.round(np.clip(0.5 + 0.25 * (2 * y - 1) + rng.normal(0, 0.22, n), 0.001, 0.999), 3)
    pred = (score >= 0.5).astype(int)
    y_reg = np.round(100 + 15 * rng.normal(size=n), 2)
    pred_reg = np.round(y_reg + rng.normal(size=n) * np.where(country == "FR", 12.0, 4.0), 2)
    return pd.DataFrame({"country": country, "age": age, "y": y, "pred": pred, "score": score,
                         "y_reg": y_reg, "pred_reg": pred_reg})


def defined(fn, *args, **kwargs):
    """The value, or None where scikit-learn raises (one class for an AUC)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return fn(*args, **kwargs)
        except ValueError:
            return None


def binary_metrics(g):
    y, p, s = g["y"].to_numpy(), g["pred"].to_numpy(), g["score"].to_numpy()
    return {
        "accuracy": metrics.accuracy_score(y, p),
        "precision": metrics.precision_score(y, p, zero_division=0),
        "recall": metrics.recall_score(y, p, zero_division=0),
        "f1": metrics.f1_score(y, p, zero_division=0),
        "roc_auc": defined(metrics.roc_auc_score, y, s),
        "average_precision": defined(metrics.average_precision_score, y, s),
        "log_loss": metrics.log_loss(y, s, labels=[0, 1]),
        "brier_score": metrics.brier_score_loss(y, s, pos_label=1),
    }


def regression_metrics(g):
    y, p = g["y_reg"].to_numpy(), g["pred_reg"].to_numpy()
    return {
        "mae": metrics.mean_absolute_error(y, p),
        "mse": metrics.mean_squared_error(y, p),
        "rmse": math.sqrt(metrics.mean_squared_error(y, p)),
        "r2": metrics.r2_score(y, p),
        "median_absolute_error": metrics.median_absolute_error(y, p),
        "explained_variance": metrics.explained_variance_score(y, p),
        "max_error": metrics.max_error(y, p),
        "mean_pinball_loss": metrics.mean_pinball_loss(y, p, alpha=0.5),
    }


def groups_of(frame, levels, metric_fn, min_support):
    out = []
    keyed = frame.assign(_level=levels)
    for level, g in keyed.groupby("_level", sort=False):
        entry = {"level": level, "rows": int(len(g))}
        if len(g) >= min_support:
            entry["metrics"] = {k: None if v is None else float(v) for k, v in metric_fn(g).items()}
        out.append(entry)
    return out


def metrics_cases(frame):
    country = frame["country"].map(lambda v: "null" if v is None else v)
    return [
        {"name": "binary_by_country", "by": "country", "min_support": 50,
         "overall": binary_metrics(frame), "groups": groups_of(frame, country, binary_metrics, 50)},
        {"name": "binary_by_age", "by": "age", "bins": 4, "min_support": 50,
         "overall": binary_metrics(frame),
         "groups": groups_of(frame, quantile_levels(frame["age"].to_numpy(), 4), binary_metrics, 50)},
        {"name": "regression_by_country", "by": "country", "min_support": 50,
         "overall": regression_metrics(frame), "groups": groups_of(frame, country, regression_metrics, 50)},
    ]


def drift_frames():
    rng = np.random.default_rng(777)
    plans = np.array(["basic", "plus", "pro"])

    def side(sizes, shift):
        rows = []
        for country, n in sizes.items():
            dx, plan_p = shift.get(country, (0.0, [0.5, 0.3, 0.2]))
            x = np.round(rng.normal(10 + dx, 2, n), 3)
            z = np.round(rng.exponential(3, n), 3)
            plan = plans[rng.choice(3, size=n, p=plan_p)]
            rows.append(pd.DataFrame({"country": [country] * n, "x": x, "z": z, "plan": plan}))
        out = pd.concat(rows, ignore_index=True)
        return out.iloc[rng.permutation(len(out))].reset_index(drop=True)

    reference = side({"DE": 300, "FR": 200, "US": 150, "LU": 10, None: 60}, {})
    current = side({"DE": 250, "FR": 200, "US": 150, "IT": 80, "LU": 12, None: 60},
                   {"DE": (1.6, [0.5, 0.3, 0.2]), "US": (0.0, [0.2, 0.3, 0.5])})
    return reference, current


def column_drift(ref, cur, method):
    """Per column (x, z numeric; plan categorical) as `assay drift` computes it."""
    out = {}
    tested = []
    for col in ["x", "z", "plan"]:
        r, c = ref[col], cur[col]
        if method == "auto":
            if col == "plan":
                labels = list(dict.fromkeys(list(r) + list(c)))
                table = np.array([[np.sum(r == l) for l in labels], [np.sum(c == l) for l in labels]], float)
                stat, p, _, _ = st.chi2_contingency(table, correction=False)
                out[col] = {"method": "chi2", "statistic": float(stat), "p_value": float(p)}
            else:
                ks = st.ks_2samp(r.to_numpy(), c.to_numpy())
                out[col] = {"method": "ks", "statistic": float(ks.statistic), "p_value": float(ks.pvalue)}
            tested.append(col)
        else:
            if col == "plan":
                labels = list(dict.fromkeys(list(r) + list(c)))
                counts = [np.sum(r == l) for l in labels], [np.sum(c == l) for l in labels]
            else:
                b = make_bins(np.sort(r.to_numpy()), 10)
                counts = bin_counts(r.to_numpy(), b), bin_counts(c.to_numpy(), b)
            out[col] = {"method": "psi", "statistic": binned(*counts)["psi"]}
    for col in tested:
        out[col]["p_value_adjusted"] = min(1.0, len(tested) * out[col]["p_value"])
    return out


def drift_cases(reference, current):
    cases = []
    for method in ["auto", "psi"]:
        segments = []
        ref_level = reference["country"].map(lambda v: "null" if v is None else v)
        cur_level = current["country"].map(lambda v: "null" if v is None else v)
        for level in dict.fromkeys(cur_level):  # levels of the current data
            r = reference[ref_level == level]
            c = current[cur_level == level]
            entry = {"level": level, "reference_rows": int(len(r)), "current_rows": int(len(c))}
            if len(r) >= 50 and len(c) >= 50:
                entry["columns"] = column_drift(r, c, method)
            segments.append(entry)
        cases.append({"method": method, "overall": column_drift(reference, current, method), "segments": segments})
    return cases


def main():
    os.makedirs(DATA, exist_ok=True)
    scored = scored_frame()
    scored.to_csv(os.path.join(DATA, "scored.csv"), index=False)
    reference, current = drift_frames()
    reference.to_csv(os.path.join(DATA, "drift_reference.csv"), index=False)
    current.to_csv(os.path.join(DATA, "drift_current.csv"), index=False)
    # Read back as assay reads the files, so both compute on the same numbers.
    scored = pd.read_csv(os.path.join(DATA, "scored.csv"), keep_default_na=False, na_values=[""])
    scored["age"] = pd.to_numeric(scored["age"])
    reference = pd.read_csv(os.path.join(DATA, "drift_reference.csv"), keep_default_na=False, na_values=[""])
    current = pd.read_csv(os.path.join(DATA, "drift_current.csv"), keep_default_na=False, na_values=[""])
    for f in (scored, reference, current):
        f["country"] = f["country"].map(lambda v: None if pd.isna(v) else v)
    doc = {
        "generator": "tests/reference/by_reference.py",
        "versions": {"numpy": np.__version__, "pandas": pd.__version__, "scipy": scipy.__version__,
                     "sklearn": sklearn.__version__},
        "metrics": metrics_cases(scored),
        "drift": drift_cases(reference, current),
    }
    write_reference(doc, "by_reference.json")


if __name__ == "__main__":
    main()
