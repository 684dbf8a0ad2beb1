#!/usr/bin/python3
"""Golden values for the shared primitives in src/stats, from the libraries
that define them:

- roc_auc: sklearn.metrics.roc_auc_score (with sample_weight for the
  weighted cases), on scores with and without ties;
- compensated_sum: math.fsum (the correctly rounded sum of the doubles).

Writes tests/reference/stats_reference.json for tests/stats/*_test.cpp.

  /usr/bin/python3 tests/reference/stats_reference.py
"""
import json
import math

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score

OUT = __file__.rsplit(".", 1)[0] + ".json"


def auc_cases():
    rng = np.random.default_rng(20261203)
    cases = []

    def add(name, score, label, weight=None):
        score = np.asarray(score, dtype=float)
        label = np.asarray(label, dtype=int)
        case = {"name": name, "score": score.tolist(), "label": label.tolist()}
        if weight is not None:
            weight = np.asarray(weight, dtype=float)
            case["weight"] = weight.tolist()
        case["auc"] = float(roc_auc_score(label, score, sample_weight=weight))
        cases.append(case)

    add("tiny", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    add("all tied", [0.5] * 6, [0, 1, 0, 1, 1, 0])
    add("perfect", [1, 2, 3, 4, 5], [0, 0, 1, 1, 1])
    add("inverted", [5, 4, 3, 2, 1], [0, 0, 1, 1, 1])
    n = 600
    label = (rng.random(n) < 0.3).astype(int)
    add("continuous", rng.normal(size=n) + 0.8 * label, label)
    add("heavy ties", np.round(rng.normal(size=n) + 0.5 * label, 1), label)
    add("negative zero and zero", [-0.0, 0.0, 0.0, -0.0, 1.0], [1, 0, 1, 0, 1])
    add("huge and tiny", [1e300, -1e300, 1e-300, -1e-300, 0.0, 1e300], [1, 0, 1, 0, 0, 0])
    weight = rng.random(n) * 3
    add("weighted continuous", rng.normal(size=n) + 0.8 * label, label, weight)
    add("weighted heavy ties", np.round(rng.normal(size=n) + 0.5 * label, 1), label, weight)
    return cases


def sum_cases():
    rng = np.random.default_rng(7)
    cases = []

    def add(name, values):
        values = [float(v) for v in values]
        cases.append({"name": name, "values": values, "sum": math.fsum(values)})

    add("cancellation", [1e16, 1.0, -1e16])
    add("many small after a big one", [1.0] + [1e-16] * 2000)
    add("alternating magnitudes", [(-1) ** i * 10.0 ** (i % 20) for i in range(400)] + [0.1] * 1000)
    add("random", rng.normal(size=5000) * 10.0 ** rng.integers(-8, 9, size=5000))
    return cases


def main():
    doc = {
        "generator": f"tests/reference/stats_reference.py, scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "roc_auc": auc_cases(),
        "compensated_sum": sum_cases(),
    }
    with open(OUT, "w") as f:
        json.dump(doc, f)
        f.write("\n")


if __name__ == "__main__":
    main()
