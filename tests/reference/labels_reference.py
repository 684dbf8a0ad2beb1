#!/usr/bin/python3
"""Noisy labels and golden values for assay's label-noise scan
(tests/security, tests/cli, docs/labels.md).

Data: scikit-learn's bundled breast-cancer data (569 rows), its ten "mean"
features, with 10% of the labels flipped at random (seeded; `flipped` marks
them, `clean` keeps the true label). `score` is the out-of-sample P(class 1)
of a standardised logistic regression from 5-fold cross_val_predict on the
noisy labels, written with 6 significant digits.

The golden values follow confident learning (Northcutt, Jiang & Chuang,
JAIR 2021), written from the paper with NumPy:
  t_j        mean probability of class j over the rows labelled j
  C[i][j]    rows labelled i whose probability of j is >= t_j; a row with
             several classes above their thresholds counts for the one of
             highest probability (the first on ties); rows with none are
             not counted
  Q          C calibrated to the label counts (each row i of C rescaled to
             sum to the number of rows labelled i) and divided by its total
  noise rate of label i = 1 - Q[i][i] / sum_j Q[i][j]; overall 1 - trace(Q)
  noise matrix P(label i | true j) = Q[i][j] / sum_i Q[i][j]
  suspects   prune by noise rate: for each i != j, the round(n Q[i][j])
             rows labelled i with the largest margin p_j - p_i (ties: lower
             row first), round half up; ranked by self-confidence (the
             probability of the given label) ascending, ties by row.

Run: /usr/bin/python3 tests/reference/labels_reference.py
Writes tests/data/labels/breast_cancer_noisy.csv and
tests/reference/labels_reference.json.
"""
import json
import math
import os

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "labels", "breast_cancer_noisy.csv")


def fmt(v):
    return "%.6g" % v


def confident_learning(P, s):
    n, K = P.shape
    t = np.array([P[s == j, j].mean() for j in range(K)])
    C = np.zeros((K, K), dtype=np.int64)
    for i in range(n):
        above = P[i] >= t
        if above.any():
            C[s[i], int(np.argmax(np.where(above, P[i], -np.inf)))] += 1
    counts = np.bincount(s, minlength=K)
    cal = C / C.sum(axis=1, keepdims=True) * counts[:, None]
    Q = cal / cal.sum()
    noise = 1 - np.diag(Q) / Q.sum(axis=1)
    matrix = Q / Q.sum(axis=0, keepdims=True)
    suspects = set()
    for i in range(K):
        rows = np.flatnonzero(s == i)
        for j in range(K):
            if i == j:
                continue
            k = math.floor(n * Q[i, j] + 0.5)
            margin = P[rows, j] - P[rows, i]
            order = np.lexsort((rows, -margin))
            suspects.update(int(r) for r in rows[order[:k]])
    self_conf = P[np.arange(n), s]
    ranked = sorted(suspects, key=lambda r: (self_conf[r], r))
    return {
        "thresholds": t.tolist(),
        "confident_joint": C.tolist(),
        "joint": Q.tolist(),
        "noise_rate": noise.tolist(),
        "overall_noise_rate": float(1 - np.trace(Q)),
        "noise_matrix": matrix.tolist(),
        "suspects": ranked,
    }


def main():
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    data = load_breast_cancer()
    X = data.data[:, :10]
    names = [f.replace(" ", "_") for f in data.feature_names[:10]]
    y = data.target
    rng = np.random.default_rng(7)
    n = len(y)
    flipped = np.zeros(n, bool)
    flipped[rng.choice(n, size=round(0.1 * n), replace=False)] = True
    noisy = np.where(flipped, 1 - y, y)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    score = cross_val_predict(model, X, noisy, cv=folds, method="predict_proba")[:, 1]
    score = np.array([float(fmt(v)) for v in score])
    with open(OUT, "w") as out:
        out.write(",".join(["id", "target", "clean", "flipped", "score"] + names) + "\n")
        for i in range(n):
            row = [str(i), str(noisy[i]), str(y[i]), str(int(flipped[i])), fmt(score[i])]
            out.write(",".join(row + [fmt(v) for v in X[i]]) + "\n")
    P = np.column_stack([1 - score, score])
    golden = confident_learning(P, noisy)
    top = golden["suspects"][: int(flipped.sum())]
    golden["flips"] = int(flipped.sum())
    golden["recall_of_flips_at_flips"] = float(np.isin(np.flatnonzero(flipped), top).mean())
    with open(os.path.join(HERE, "labels_reference.json"), "w") as out:
        json.dump(golden, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
