#!/usr/bin/python3
"""Golden values for assay's fairness engine (tests/fairness).

Fairlearn's definitions (fairlearn.metrics: MetricFrame with
selection_rate, true_positive_rate, false_positive_rate; *_difference =
max - min over groups, *_ratio = min / max; equalized odds = the worse of
the TPR and FPR differences / ratios) written out with NumPy, over the
groups of each sensitive column and of their intersection. Groups smaller
than min_group are left out of the summaries (assay's rule, documented in
docs/fairness.md). The per-group ECE comes from the calibration reference.

Run: /usr/bin/python3 tests/reference/fairness_reference.py
Writes tests/reference/fairness_reference.json (CI has no Python).
"""
import itertools
import json
import os

import numpy as np
import scipy.special

from calibration_reference import binary_analysis

HERE = os.path.dirname(os.path.abspath(__file__))


def rate(numerator, denominator):
    return float(numerator) / float(denominator) if denominator > 0 else None


def group_rates(y, h):
    tp = np.sum((y == 1) & (h == 1))
    fp = np.sum((y == 0) & (h == 1))
    fn = np.sum((y == 1) & (h == 0))
    tn = np.sum((y == 0) & (h == 0))
    n = len(y)
    return {"selection_rate": rate(tp + fp, n), "base_rate": rate(tp + fn, n), "tpr": rate(tp, tp + fn),
            "fpr": rate(fp, fp + tn), "precision": rate(tp, tp + fp)}


def difference(values):
    return max(values) - min(values)


def ratio(values):
    return min(values) / max(values) if max(values) > 0 else None


def summaries(included):
    sel = [g["selection_rate"] for g in included]
    tpr = [g["tpr"] for g in included]
    fpr = [g["fpr"] for g in included]
    prec = [g["precision"] for g in included]
    return {
        "demographic_parity_difference": difference(sel),
        "demographic_parity_ratio": ratio(sel),
        "equalized_odds_difference": max(difference(tpr), difference(fpr)),
        "equalized_odds_ratio": min(ratio(tpr), ratio(fpr)),
        "equal_opportunity_difference": difference(tpr),
        "equal_opportunity_ratio": ratio(tpr),
        "disparate_impact": ratio(sel),
        "predictive_parity_difference": difference(prec),
    }


def grouping(columns, keys, y, h, score, min_group, bins):
    """`keys`: per row, a tuple of the row's values in `columns`."""
    groups = []
    for key in sorted(set(keys)):
        mask = np.array([k == key for k in keys])
        g = {"values": list(key), "size": int(mask.sum()), "too_small": bool(mask.sum() < min_group),
             **group_rates(y[mask], h[mask])}
        if score is not None:
            g["ece"] = binary_analysis(score[mask], y[mask], bins, "uniform")["metrics"]["ece"]
        groups.append(g)
    included = [g for g in groups if not g["too_small"]]
    return {"columns": columns, "groups": groups, "summary": summaries(included)}


def case(name, data, sensitive, min_group, bins=10):
    y = np.asarray(data["target"])
    h = np.asarray(data["prediction"])
    score = np.asarray(data["score"]) if "score" in data else None
    groupings = []
    for c in sensitive:
        groupings.append(grouping([c], [(v,) for v in data[c]], y, h, score, min_group, bins))
    if len(sensitive) > 1:
        keys = list(zip(*[data[c] for c in sensitive]))
        groupings.append(grouping(sensitive, keys, y, h, score, min_group, bins))
    return {"name": name, "sensitive": sensitive, "min_group": min_group,
            "data": {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in data.items()},
            "groupings": groupings}


def synthetic(rng, n=3000):
    region = rng.choice(["north", "south", "west"], n, p=[0.5, 0.3, 0.2]).astype(object)
    region[:20] = "island"  # a group below min_group
    sex = rng.choice(["f", "m"], n)
    shift = {"north": 0.0, "south": -0.4, "west": 0.3, "island": 0.1}
    logit = rng.normal(0.0, 1.5, n) + np.array([shift[r] for r in region]) + np.where(sex == "f", -0.2, 0.2)
    score = scipy.special.expit(logit)
    target = (rng.random(n) < scipy.special.expit(0.8 * logit)).astype(int)
    prediction = (score >= np.where(sex == "f", 0.55, 0.5)).astype(int)
    return {"target": target, "prediction": prediction, "score": score,
            "region": region.tolist(), "sex": sex.tolist()}


def read_breast_cancer():
    path = os.path.join(HERE, "..", "data", "breast_cancer_scores.csv")
    rows = np.genfromtxt(path, delimiter=",", names=True, dtype=None, encoding="utf-8")
    return {"target": rows["target"].astype(int), "prediction": rows["prediction"].astype(int),
            "score": rows["score"].astype(float), "size": [str(v) for v in rows["size"]],
            "texture": [str(v) for v in rows["texture"]]}


def main():
    rng = np.random.default_rng(7)
    cases = [
        case("synthetic_region_sex", synthetic(rng), ["region", "sex"], 30),
        case("breast_cancer_size_texture", read_breast_cancer(), ["size", "texture"], 30),
    ]
    with open(os.path.join(HERE, "fairness_reference.json"), "w") as out:
        json.dump({"generator": "tests/reference/fairness_reference.py", "numpy": np.__version__, "cases": cases},
                  out, separators=(",", ":"))
        out.write("\n")


if __name__ == "__main__":
    main()
