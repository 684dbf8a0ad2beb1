#!/usr/bin/python3
"""Scored member / non-member files and golden values for assay's
membership-inference scan (tests/security, tests/cli, docs/privacy.md).

Data: scikit-learn's bundled breast-cancer (binary, 569 rows) and digits
(10 classes, 1,797 rows) data, split in half (stratified, seeded): members
are the rows a model was trained on, non-members the held-out half. Two
models each:
  overfit      a random forest grown to purity (min_samples_leaf=1) without
               bootstrap: every tree has seen every member, so members are
               predicted with certainty (breast cancer: max_features=1,
               digits: sqrt)
  regularised  a standardised, strongly regularised logistic regression
Probabilities are written with 6 significant digits and the golden values
are computed from the numbers as written. Each file holds the target and the model's probabilities: `score` =
P(class 1) for breast cancer, `p_0`..`p_9` for digits, and a `size` slice
column (a feature's median split) for --by.

The golden values follow the definitions, written from the papers and
computed with NumPy and scikit-learn:
  loss attack (Yeom et al. 2018): score = -loss, loss = sklearn's log_loss
    term of the row (probabilities clipped to [eps, 1 - eps] with
    eps = numpy.finfo(float64).eps, each row renormalised to sum 1, -log of
    the true label's probability)
  confidence attack (Shokri et al. 2017 without shadow models): score =
    the probability of the true label
  max_confidence attack: score = the largest probability (needs no label)
  attack_auc = roc_auc_score(member, score)
  advantage = max(tpr - fpr) over roc_curve(member, score,
    drop_intermediate=False) points (Yeom's membership advantage)
  tpr_at_fpr[t] = the largest tpr among those points with fpr <= t
    (Carlini et al. 2022 report TPR at low FPR)
Per class: the rows whose true label is that class; per slice: the rows of
one `size` value.

Run: /usr/bin/python3 tests/reference/privacy_reference.py
Writes tests/data/privacy/*.csv and tests/reference/privacy_reference.json.
"""
import json
import os

import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "privacy")
EPS = np.finfo(np.float64).eps
FPRS = [0.01, 0.001]


def attack_scores(prob, y):
    clipped = np.clip(prob, EPS, 1 - EPS)
    clipped = clipped / clipped.sum(axis=1, keepdims=True)
    loss = -np.log(clipped[np.arange(len(y)), y])
    return {"loss": -loss, "confidence": prob[np.arange(len(y)), y], "max_confidence": prob.max(axis=1)}


def attack(score, member):
    if member.all() or not member.any():
        return None
    fpr, tpr, _ = roc_curve(member, score, drop_intermediate=False)
    return {
        "attack_auc": float(roc_auc_score(member, score)),
        "advantage": float(np.max(tpr - fpr)),
        "tpr_at_fpr": {str(t): float(tpr[fpr <= t].max()) for t in FPRS},
        "members": int(member.sum()),
        "nonmembers": int((~member).sum()),
    }


def analysis(prob_m, y_m, prob_n, y_n, slice_m, slice_n, classes):
    prob = np.vstack([prob_m, prob_n])
    y = np.concatenate([y_m, y_n])
    member = np.concatenate([np.ones(len(y_m), bool), np.zeros(len(y_n), bool)])
    slices = np.concatenate([slice_m, slice_n])
    out = {}
    for name, score in attack_scores(prob, y).items():
        out[name] = {
            "overall": attack(score, member),
            "classes": {classes[c]: attack(score[y == c], member[y == c]) for c in range(len(classes))},
            "slices": {s: attack(score[slices == s], member[slices == s]) for s in sorted(set(slices))},
        }
    return out


def fmt(v):
    return "%.6g" % v


def written(p):
    return np.vectorize(lambda v: float(fmt(v)))(p)


def write(path, header, rows):
    with open(path, "w") as out:
        out.write(",".join(header) + "\n")
        for r in rows:
            out.write(",".join(r) + "\n")


def dataset(name, X, y, size_feature, models):
    classes = [str(c) for c in np.unique(y)]
    Xm, Xn, ym, yn = train_test_split(X, y, test_size=0.5, stratify=y, random_state=0)
    cut = np.median(X[:, size_feature])
    size_m = np.where(Xm[:, size_feature] > cut, "large", "small")
    size_n = np.where(Xn[:, size_feature] > cut, "large", "small")
    golden = {}
    for label, model in models.items():
        model.fit(Xm, ym)
        pm, pn = written(model.predict_proba(Xm)), written(model.predict_proba(Xn))
        for part, p, yy, sz in (("members", pm, ym, size_m), ("nonmembers", pn, yn, size_n)):
            if len(classes) == 2:
                header = ["target", "score", "size"]
                rows = [[str(yy[i]), repr(float(p[i, 1])), sz[i]] for i in range(len(yy))]
            else:
                header = ["target"] + [f"p_{c}" for c in classes] + ["size"]
                rows = [[str(yy[i])] + [fmt(v) for v in p[i]] + [sz[i]] for i in range(len(yy))]
            write(os.path.join(DATA, f"{name}_{label}_{part}.csv"), header, rows)
        # What the files hold, read back: the golden values use the written numbers.
        if len(classes) == 2:
            pm = np.column_stack([1 - pm[:, 1], pm[:, 1]])
            pn = np.column_stack([1 - pn[:, 1], pn[:, 1]])
        golden[label] = analysis(pm, ym, pn, yn, size_m, size_n, classes)
    return golden


def main():
    os.makedirs(DATA, exist_ok=True)
    cancer = load_breast_cancer()
    digits = load_digits()

    def models(max_features):
        return {
            "overfit": RandomForestClassifier(n_estimators=50, min_samples_leaf=1, bootstrap=False,
                                              max_features=max_features, random_state=0),
            "regularised": make_pipeline(StandardScaler(), LogisticRegression(C=0.01, max_iter=2000)),
        }

    golden = {
        "eps": EPS,
        "fprs": FPRS,
        "breast_cancer": dataset("breast_cancer", cancer.data, cancer.target, 0, models(1)),
        "digits": dataset("digits", digits.data, digits.target, 36, models("sqrt")),
    }
    with open(os.path.join(HERE, "privacy_reference.json"), "w") as out:
        json.dump(golden, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
