#!/usr/bin/python3
"""Golden values for assay slices (tests/slices/reference_test.cpp).

Per-slice metrics with pandas groupby + scikit-learn on the same subsets,
Welch t-tests of the per-row errors (slice vs rest) with
scipy.stats.ttest_ind(equal_var=False), Benjamini-Hochberg with statsmodels.
Numeric columns are binned by the project's rule, written here with numpy:
inner edges at numpy.quantile(i/bins), duplicates and edges at the maximum
dropped, bin i holds edge[i-1] < x <= edge[i], nulls their own level.

Run: python3 tests/reference/slices_reference.py > tests/reference/slices_reference.json
"""
import itertools
import json
import math
import sys

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy import stats
from sklearn import metrics
from statsmodels.stats.multitest import multipletests


def g6(x):
    return "%.6g" % x


def bin_labels(values, bins):
    """Level label of each value (None for null) by the quantile rule."""
    finite = np.sort(values[~np.isnan(values)])
    edges = []
    for i in range(1, bins):
        q = float(np.quantile(finite, i / bins))
        if not edges or q > edges[-1]:
            edges.append(q)
    while edges and edges[-1] >= finite[-1]:
        edges.pop()
    labels = []
    for x in values:
        if np.isnan(x):
            labels.append("null")
            continue
        if not edges:
            labels.append("= " + g6(finite[0]) if finite[0] == finite[-1] else "[%s, %s]" % (g6(finite[0]), g6(finite[-1])))
            continue
        b = int(np.searchsorted(edges, x, side="left"))
        if b == 0:
            labels.append("<= " + g6(edges[0]))
        elif b == len(edges):
            labels.append("> " + g6(edges[-1]))
        else:
            labels.append("(%s, %s]" % (g6(edges[b - 1]), g6(edges[b])))
    return labels


def make_features(rng, n):
    region = rng.choice(["north", "south", "east", "west"], size=n, p=[0.4, 0.3, 0.2, 0.1]).astype(object)
    region[rng.random(n) < 0.03] = None
    device = rng.choice(["phone", "tablet", "desktop"], size=n, p=[0.5, 0.2, 0.3]).astype(object)
    age = np.round(rng.normal(40, 12, size=n), 1)
    age[rng.random(n) < 0.05] = np.nan
    return {"region": region, "device": device, "age": age}


def column_json(name, values):
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
        elif isinstance(v, (np.floating, float)):
            out.append(float(v))
        elif isinstance(v, (np.integer, int)):
            out.append(int(v))
        else:
            out.append(str(v))
    return {"name": name, "values": out}


def binary_metrics(y, p, s):
    out = {
        "accuracy": metrics.accuracy_score(y, p),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, p) if len(set(y)) > 1 else None,
        "f1": metrics.f1_score(y, p, zero_division=0),
        "precision": metrics.precision_score(y, p, zero_division=0),
        "recall": metrics.recall_score(y, p, zero_division=0),
    }
    if s is not None:
        out["roc_auc"] = metrics.roc_auc_score(y, s) if len(set(y)) > 1 else None
        out["brier_score"] = metrics.brier_score_loss(y, s)
    return out


def multiclass_metrics(y, p):
    return {
        "accuracy": metrics.accuracy_score(y, p),
        "f1_macro": metrics.f1_score(y, p, average="macro", zero_division=0),
        "f1_weighted": metrics.f1_score(y, p, average="weighted", zero_division=0),
    }


def regression_metrics(y, p):
    out = {
        "mae": metrics.mean_absolute_error(y, p),
        "mse": metrics.mean_squared_error(y, p),
        "median_absolute_error": metrics.median_absolute_error(y, p),
    }
    out["r2"] = metrics.r2_score(y, p) if len(y) > 1 else None
    return out


def slices_of(frame, by, depth, bins, errors, metric_fn):
    """Every slice of `by` up to `depth`, as the --by mode lists them."""
    levels = {}
    for c in by:
        if frame[c].dtype.kind == "f":
            levels[c] = pd.Series(bin_labels(frame[c].to_numpy(), bins), index=frame.index)
        else:
            levels[c] = frame[c].map(lambda v: "null" if v is None else v)
    out = []
    for k in range(1, depth + 1):
        for combo in itertools.combinations(by, k):
            keyed = pd.DataFrame({c: levels[c] for c in combo})
            for key, group in keyed.groupby(list(combo) if k > 1 else combo[0], sort=False):
                key = key if isinstance(key, tuple) else (key,)
                idx = group.index.to_numpy()
                inside = np.zeros(len(frame), dtype=bool)
                inside[idx] = True
                e_in, e_out = errors[inside], errors[~inside]
                test = stats.ttest_ind(e_in, e_out, equal_var=False)
                out.append({
                    "predicates": [[c, str(v)] for c, v in zip(combo, key)],
                    "size": int(inside.sum()),
                    "error": float(e_in.mean()),
                    "p_value": None if not np.isfinite(test.pvalue) else float(test.pvalue),
                    "t": None if not np.isfinite(test.statistic) else float(test.statistic),
                    "metrics": {m: (None if v is None else float(v)) for m, v in metric_fn(inside).items()},
                })
    return out


def binary_case(seed, with_score):
    rng = np.random.default_rng(seed)
    n = 1200
    f = make_features(rng, n)
    logit = -0.5 + 0.8 * (f["device"] == "tablet") + 0.02 * np.nan_to_num(f["age"] - 40)
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    score = np.clip(1 / (1 + np.exp(-(logit + rng.normal(0, 1.0, n) + 0.7 * (2 * y - 1)))), 0, 1)
    score = np.round(score, 4)
    pred = (score >= 0.5).astype(int)
    flip = (f["region"] == "west") & (rng.random(n) < 0.3)
    pred = np.where(flip, 1 - pred, pred)
    frame = pd.DataFrame(f)
    errors = (pred != y).astype(float)
    cols = [column_json(k, v) for k, v in f.items()] + [column_json("y", y), column_json("pred", pred)]
    spec = {"task": "binary", "target": "y", "prediction": "pred", "by": ["region", "device", "age"], "bins": 4, "depth": 2}
    if with_score:
        cols.append(column_json("score", score))
        spec["score"] = "score"
    fn = lambda m: binary_metrics(y[m], pred[m], score[m] if with_score else None)
    return {"name": "binary_score" if with_score else "binary_prediction", "columns": cols, "spec": spec,
            "slices": slices_of(frame, spec["by"], 2, 4, errors, fn)}


def multiclass_case(seed):
    rng = np.random.default_rng(seed)
    n = 900
    f = make_features(rng, n)
    classes = np.array(["bird", "cat", "dog"])
    y = classes[rng.integers(0, 3, n)]
    wrong = rng.random(n) < np.where(f["device"] == "phone", 0.4, 0.15)
    pred = np.where(wrong, classes[rng.integers(0, 3, n)], y)
    frame = pd.DataFrame(f)
    errors = (pred != y).astype(float)
    cols = [column_json(k, v) for k, v in f.items()] + [column_json("y", y), column_json("pred", pred)]
    spec = {"task": "multiclass", "target": "y", "prediction": "pred", "by": ["device", "age"], "bins": 3, "depth": 2}
    fn = lambda m: multiclass_metrics(y[m], pred[m])
    return {"name": "multiclass", "columns": cols, "spec": spec, "slices": slices_of(frame, spec["by"], 2, 3, errors, fn)}


def regression_case(seed):
    rng = np.random.default_rng(seed)
    n = 1000
    f = make_features(rng, n)
    y = np.round(1e3 + 50 * rng.normal(size=n), 3)
    noise = np.where(f["region"] == "east", 40.0, 10.0)
    pred = np.round(y + rng.normal(size=n) * noise, 3)
    frame = pd.DataFrame(f)
    errors = np.abs(y - pred)
    cols = [column_json(k, v) for k, v in f.items()] + [column_json("y", y), column_json("pred", pred)]
    spec = {"task": "regression", "target": "y", "prediction": "pred", "by": ["region", "device", "age"], "bins": 5, "depth": 2}
    fn = lambda m: regression_metrics(y[m], pred[m])
    return {"name": "regression", "columns": cols, "spec": spec, "slices": slices_of(frame, spec["by"], 2, 5, errors, fn)}


def welch_cases():
    rng = np.random.default_rng(7)
    cases = []
    samples = [
        (rng.normal(0, 1, 30), rng.normal(0.3, 2, 50)),
        (rng.normal(5, 1, 8), rng.normal(5, 1, 9)),
        ((rng.random(400) < 0.6).astype(float), (rng.random(100000) < 0.1).astype(float)),  # far tail
        (np.array([1.0, 1.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0, 0.0, 0.0])),
        (1e6 + rng.normal(0, 1e-3, 50), 1e6 + rng.normal(0, 2e-3, 70)),
    ]
    for a, b in samples:
        r = stats.ttest_ind(a, b, equal_var=False)
        cases.append({"a": a.tolist(), "b": b.tolist(), "t": float(r.statistic), "p_value": float(r.pvalue)})
    return cases


def bh_cases():
    rng = np.random.default_rng(11)
    out = []
    for p in [rng.random(20) ** 3, np.array([0.01, 0.01, 0.04, 0.04, 0.5, 0.03]), np.array([0.2])]:
        out.append({"p": p.tolist(), "adjusted": multipletests(p, method="fdr_bh")[1].tolist()})
    return out


doc = {
    "generator": "tests/reference/slices_reference.py",
    "versions": {"numpy": np.__version__, "pandas": pd.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "cases": [binary_case(1, False), binary_case(2, True), multiclass_case(3), regression_case(4)],
    "welch": welch_cases(),
    "benjamini_hochberg": bh_cases(),
}
json.dump(doc, sys.stdout, separators=(",", ":"))
sys.stdout.write("\n")
