#!/usr/bin/python3
"""Golden values for assay compare (tests/compare/*_test.cpp).

- McNemar's test: statsmodels.stats.contingency_tables.mcnemar, exact=True
  (binomial) and exact=False with correction=True (chi-square), on small and
  large discordant counts and on the correctness of real models.
- DeLong's test for two correlated ROC AUCs, written here from DeLong,
  DeLong & Clarke-Pearson (1988) in its structural-components form, O(m n):
  psi(x, y) = 1 if x > y, 1/2 if x == y, else 0; V10_i = mean_j psi(X_i, Y_j)
  over negatives Y for each positive X_i, V01_j = mean_i psi(X_i, Y_j);
  S10, S01 the 2x2 sample covariances (ddof 1) of the components of the two
  models; var(A2 - A1) = (S10_11 + S10_22 - 2 S10_12) / m
  + (S01_11 + S01_22 - 2 S01_12) / n; z = (A2 - A1) / sqrt(var); two-sided
  p = 2 P(Z > |z|). No code is shared with assay (which uses Sun & Xu's
  O(n log n) form); the AUCs are also checked with sklearn.roc_auc_score.
- Per-slice DeLong tests by the `texture` column and their Benjamini-Hochberg
  adjustment with statsmodels.stats.multitest.multipletests(method='fdr_bh').

Data: tests/data/compare_*.csv (tests/reference/compare_data.py).
Run: /usr/bin/python3 tests/reference/compare_reference.py
"""
import json
import os

import numpy as np
import pandas as pd
import scipy
import sklearn
import statsmodels
from scipy import stats
from sklearn.metrics import accuracy_score, f1_score, mean_absolute_error, roc_auc_score
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
OUT = os.path.join(HERE, "compare_reference.json")


def mcnemar_both(b, c):
    table = [[0, b], [c, 0]]
    exact = mcnemar(table, exact=True)
    chi2 = mcnemar(table, exact=False, correction=True) if b + c > 0 else None
    return {
        "b": int(b),
        "c": int(c),
        "exact": {"statistic": float(exact.statistic), "p_value": float(exact.pvalue)},
        "chi_square": None if chi2 is None else {"statistic": float(chi2.statistic), "p_value": float(chi2.pvalue)},
    }


def delong(truth, champion, challenger):
    truth = np.asarray(truth).astype(bool)
    scores = np.vstack([np.asarray(champion, float), np.asarray(challenger, float)])
    pos, neg = scores[:, truth], scores[:, ~truth]
    m, n = pos.shape[1], neg.shape[1]
    v10 = np.empty((2, m))
    v01 = np.empty((2, n))
    aucs = []
    for r in range(2):
        psi = (pos[r][:, None] > neg[r][None, :]).astype(float) + 0.5 * (pos[r][:, None] == neg[r][None, :])
        v10[r] = psi.mean(axis=1)
        v01[r] = psi.mean(axis=0)
        aucs.append(float(psi.mean()))
        assert abs(aucs[r] - roc_auc_score(truth, scores[r])) < 1e-12
    s10 = np.cov(v10, ddof=1)
    s01 = np.cov(v01, ddof=1)
    var = (s10[0, 0] + s10[1, 1] - 2 * s10[0, 1]) / m + (s01[0, 0] + s01[1, 1] - 2 * s01[0, 1]) / n
    delta = aucs[1] - aucs[0]
    z = delta / np.sqrt(var)
    p = 2 * stats.norm.sf(abs(z))
    return {
        "positives": int(m),
        "negatives": int(n),
        "auc_champion": aucs[0],
        "auc_challenger": aucs[1],
        "delta": delta,
        "variance": float(var),
        "se": float(np.sqrt(var)),
        "z": float(z),
        "p_value": float(p),
    }


def discordant(truth, champion_pred, challenger_pred):
    ok1 = np.asarray(champion_pred) == np.asarray(truth)
    ok2 = np.asarray(challenger_pred) == np.asarray(truth)
    return int(np.sum(ok1 & ~ok2)), int(np.sum(~ok1 & ok2))


def binary_case():
    df = pd.read_csv(os.path.join(DATA, "compare_binary.csv"))
    y = df["target"].to_numpy()
    ch, cl = df["champion"].to_numpy(), df["challenger"].to_numpy()
    pred1, pred2 = (ch >= 0.5).astype(int), (cl >= 0.5).astype(int)
    b, c = discordant(y, pred1, pred2)
    out = {
        "file": "compare_binary.csv",
        "n": int(len(df)),
        "delong": delong(y, ch, cl),
        "accuracy_champion": float(accuracy_score(y, pred1)),
        "accuracy_challenger": float(accuracy_score(y, pred2)),
        "mcnemar": mcnemar_both(b, c),
    }
    slices = []
    for level in ["low", "mid", "high"]:  # first-seen order in the file
        rows = (df["texture"] == level).to_numpy()
        d = delong(y[rows], ch[rows], cl[rows])
        d["level"] = level
        d["size"] = int(rows.sum())
        slices.append(d)
    order = list(pd.unique(df["texture"]))
    slices.sort(key=lambda s: order.index(s["level"]))
    adjusted = multipletests([s["p_value"] for s in slices], method="fdr_bh")[1]
    for s, a in zip(slices, adjusted):
        s["p_adjusted"] = float(a)
    out["slices_by_texture"] = slices
    # Accuracy by texture: McNemar per slice (exact below 25 discordant rows).
    acc = []
    for s in slices:
        rows = (df["texture"] == s["level"]).to_numpy()
        b, c = discordant(y[rows], pred1[rows], pred2[rows])
        test = mcnemar_both(b, c)
        acc.append({"level": s["level"], "b": b, "c": c,
                    "method": "exact" if b + c < 25 else "chi_square",
                    "p_value": test["exact" if b + c < 25 else "chi_square"]["p_value"],
                    "delta": float(accuracy_score(y[rows], pred2[rows]) - accuracy_score(y[rows], pred1[rows]))})
    adjusted = multipletests([a["p_value"] for a in acc], method="fdr_bh")[1]
    for a, p in zip(acc, adjusted):
        a["p_adjusted"] = float(p)
    out["accuracy_by_texture"] = acc
    return out


def multiclass_case():
    df = pd.read_csv(os.path.join(DATA, "compare_multiclass.csv"))
    y, p1, p2 = df["target"], df["champion"], df["challenger"]
    b, c = discordant(y, p1, p2)
    return {
        "file": "compare_multiclass.csv",
        "n": int(len(df)),
        "accuracy_champion": float(accuracy_score(y, p1)),
        "accuracy_challenger": float(accuracy_score(y, p2)),
        "f1_macro_champion": float(f1_score(y, p1, average="macro")),
        "f1_macro_challenger": float(f1_score(y, p2, average="macro")),
        "mcnemar": mcnemar_both(b, c),
    }


def regression_case():
    df = pd.read_csv(os.path.join(DATA, "compare_regression.csv"))
    y = df["target"]
    return {
        "file": "compare_regression.csv",
        "n": int(len(df)),
        "mae_champion": float(mean_absolute_error(y, df["champion"])),
        "mae_challenger": float(mean_absolute_error(y, df["challenger"])),
    }


def ties_case():
    """Scores on a coarse grid (many ties within and across classes)."""
    rng = np.random.default_rng(7)
    n = 80
    y = (rng.random(n) < 0.45).astype(int)
    latent = y + rng.normal(0, 0.9, n)
    champion = np.round(1 / (1 + np.exp(-latent)), 1)
    challenger = np.round(1 / (1 + np.exp(-(latent + rng.normal(0, 0.4, n)))), 1)
    return {
        "truth": y.tolist(),
        "champion": champion.tolist(),
        "challenger": challenger.tolist(),
        "delong": delong(y, champion, challenger),
    }


def main():
    tables = [(0, 0), (0, 1), (1, 0), (3, 7), (10, 10), (12, 12), (5, 19), (0, 24), (13, 12), (20, 30), (100, 130),
              (1000, 1100), (0, 40), (2, 60), (250, 251)]
    doc = {
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__,
                     "statsmodels": statsmodels.__version__},
        "mcnemar": [mcnemar_both(b, c) for b, c in tables],
        "binary": binary_case(),
        "multiclass": multiclass_case(),
        "regression": regression_case(),
        "ties": ties_case(),
    }
    with open(OUT, "w") as out:
        json.dump(doc, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
