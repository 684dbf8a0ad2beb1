#!/usr/bin/python3
"""Golden values for assay's calibration engine (tests/calibration).

Written independently of the C++ code, from the definitions:
  ECE (Naeini et al. 2015; Guo et al. 2017), MCE, adaptive / equal-mass ECE
  (Nixon et al. 2019), the binned Murphy (1973) decomposition of the Brier
  score with its two within-bin terms (Stephenson et al. 2008), the
  Hosmer-Lemeshow test (scipy.stats.chi2), Wilson intervals
  (statsmodels.stats.proportion.proportion_confint(method="wilson")), and
  the calibrators as scikit-learn 1.2.1 fits them: IsotonicRegression
  (out_of_bounds="clip") and calibration._SigmoidCalibration; temperature
  scaling by scipy.optimize on the NLL.

Run: /usr/bin/python3 tests/reference/calibration_reference.py
Writes tests/reference/calibration_reference.json (CI has no Python).
"""
import json
import os

import numpy as np
import scipy.optimize
import scipy.special
import scipy.stats
import sklearn
from sklearn.calibration import _SigmoidCalibration
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import brier_score_loss, log_loss
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))


def edges_of(p, bins, strategy):
    if strategy == "uniform":
        return np.arange(bins + 1) / bins
    return np.quantile(p, np.arange(bins + 1) / bins)


def bin_ids(p, edges):
    # [e_k, e_{k+1}); the last bin also holds e_B.
    return np.searchsorted(edges[1:-1], p, side="right")


def gaps(p, y, groups):
    """(ECE, MCE) over a list of index arrays."""
    n = len(p)
    ece, mce = 0.0, 0.0
    for g in groups:
        if len(g) == 0:
            continue
        gap = abs(y[g].mean() - p[g].mean())
        ece += len(g) / n * gap
        mce = max(mce, gap)
    return ece, mce


def binary_analysis(p, y, bins, strategy, level=0.95):
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(p)
    edges = edges_of(p, bins, strategy)
    ids = bin_ids(p, edges)
    groups = [np.flatnonzero(ids == k) for k in range(bins)]
    ece, mce = gaps(p, y, groups)
    order = np.argsort(p, kind="stable")
    adaptive, _ = gaps(p, y, np.array_split(order, bins))

    o = y.mean()
    rel = res = wbv = wbc = 0.0
    hl = 0.0
    nonempty = 0
    hl_defined = True
    curve = []
    for k, g in enumerate(groups):
        entry = {"lower": edges[k], "upper": edges[k + 1], "count": len(g)}
        if len(g) > 0:
            pk, ok = p[g].mean(), y[g].mean()
            rel += len(g) * (pk - ok) ** 2
            res += len(g) * (ok - o) ** 2
            wbv += np.sum((p[g] - pk) ** 2)
            wbc += 2 * np.sum((p[g] - pk) * (y[g] - ok))
            nonempty += 1
            expected = p[g].sum()
            var = expected * (1 - expected / len(g))
            if var > 0:
                hl += (y[g].sum() - expected) ** 2 / var
            else:
                hl_defined = False
            lo, hi = proportion_confint(y[g].sum(), len(g), alpha=1 - level, method="wilson")
            entry.update(mean_score=pk, frequency=ok, wilson_low=lo, wilson_high=hi)
        else:
            entry.update(mean_score=None, frequency=None, wilson_low=None, wilson_high=None)
        curve.append(entry)
    brier = brier_score_loss(y, p)
    metrics = {
        "ece": ece, "mce": mce, "adaptive_ece": adaptive, "brier_score": brier,
        "reliability": rel / n, "resolution": res / n, "uncertainty": o * (1 - o),
        "within_bin_variance": wbv / n, "within_bin_covariance": wbc / n,
    }
    # The identity the decomposition satisfies, checked here too.
    identity = metrics["reliability"] - metrics["resolution"] + metrics["uncertainty"] \
        + metrics["within_bin_variance"] - metrics["within_bin_covariance"]
    assert abs(identity - brier) < 1e-12, (identity, brier)
    if hl_defined and nonempty >= 3:
        metrics.update(hosmer_lemeshow_chi2=hl, hosmer_lemeshow_df=nonempty - 2,
                       hosmer_lemeshow_p_value=scipy.stats.chi2.sf(hl, nonempty - 2))
    else:
        metrics.update(hosmer_lemeshow_chi2=None, hosmer_lemeshow_df=None, hosmer_lemeshow_p_value=None)
    return {"metrics": metrics, "curve": curve}


def multiclass_analysis(P, y, bins, strategy, level=0.95):
    P = np.asarray(P, dtype=float)
    n, k = P.shape
    top = np.argmax(P, axis=1)
    confidence = P[np.arange(n), top]
    correct = (top == y).astype(float)
    top_label = binary_analysis(confidence, correct, bins, strategy, level)
    per_class = []
    for c in range(k):
        b = binary_analysis(P[:, c], (y == c).astype(float), bins, strategy, level)["metrics"]
        per_class.append({"ece": b["ece"], "mce": b["mce"]})
    onehot = np.eye(k)[y]
    metrics = {m: top_label["metrics"][m] for m in ("ece", "mce", "adaptive_ece")}
    metrics["classwise_ece"] = float(np.mean([c["ece"] for c in per_class]))
    metrics["brier_score"] = float(np.mean(np.sum((P - onehot) ** 2, axis=1)))
    return {"metrics": metrics, "curve": top_label["curve"], "per_class": per_class}


def platt_reference(f, y):
    cal = _SigmoidCalibration().fit(np.asarray(f, float), np.asarray(y, float))
    return {"a": float(cal.a_), "b": float(cal.b_)}


def temperature_reference(logits, y):
    logits = np.asarray(logits, float)

    def nll(log_t):
        z = logits / np.exp(log_t)
        return -np.mean(z[np.arange(len(y)), y] - scipy.special.logsumexp(z, axis=1))

    r = scipy.optimize.minimize_scalar(nll, bracket=(-3.0, 3.0), tol=1e-12)
    return float(np.exp(r.x))


def read_breast_cancer():
    path = os.path.join(HERE, "..", "data", "breast_cancer_scores.csv")
    rows = np.genfromtxt(path, delimiter=",", names=True, dtype=None, encoding="utf-8")
    return {"target": rows["target"].astype(int), "score": rows["score"].astype(float)}


def rng_scores(rng, n, decimals=None):
    logit = rng.normal(0.0, 1.6, n)
    p = scipy.special.expit(logit)
    if decimals is not None:
        p = np.round(p, decimals)
    # Miscalibrated truth: outcomes follow a flatter curve than the scores.
    y = (rng.random(n) < scipy.special.expit(0.7 * logit + 0.2)).astype(int)
    return p, y


def main():
    rng = np.random.default_rng(20260312)
    cases = []

    p, y = rng_scores(rng, 3000, decimals=2)  # ties and scores on the edges
    p[:5] = [0.0, 1.0, 0.1, 0.3, 0.9]
    for bins, strategy in ((10, "uniform"), (15, "uniform"), (10, "quantile"), (7, "quantile")):
        cases.append({"name": f"binary_2dp_{strategy}_{bins}", "bins": bins, "strategy": strategy,
                      "target": y.tolist(), "score": p.tolist(), **binary_analysis(p, y, bins, strategy)})
    p2, y2 = rng_scores(rng, 1000)
    cases.append({"name": "binary_continuous_uniform_20", "bins": 20, "strategy": "uniform",
                  "target": y2.tolist(), "score": p2.tolist(), **binary_analysis(p2, y2, 20, "uniform")})
    # Scores in few bins: empty bins and a Hosmer-Lemeshow with 0 variance.
    p3 = np.array([0.0, 0.0, 0.0, 0.55, 0.55, 0.6, 0.95, 0.97, 1.0, 1.0])
    y3 = np.array([0, 0, 0, 1, 0, 1, 1, 1, 1, 1])
    cases.append({"name": "binary_sparse_bins", "bins": 10, "strategy": "uniform",
                  "target": y3.tolist(), "score": p3.tolist(), **binary_analysis(p3, y3, 10, "uniform")})

    k = 4
    logits = rng.normal(0.0, 1.5, (2500, k))
    P = scipy.special.softmax(logits * 1.8, axis=1)
    ytrue = np.array([rng.choice(k, p=scipy.special.softmax(l, axis=0)) for l in logits])
    for bins, strategy in ((10, "uniform"), (12, "quantile")):
        cases.append({"name": f"multiclass_{strategy}_{bins}", "bins": bins, "strategy": strategy,
                      "target": ytrue.tolist(), "scores": P.T.tolist(), **multiclass_analysis(P, ytrue, bins, strategy)})

    # Calibrators. Isotonic: ties, near-ties within sklearn's 1e-15 merge
    # distance, and points outside the fitted range (clipped).
    x = np.round(rng.random(400), 2)
    x[:6] = [0.5, 0.5 + 2e-16, 0.5 + 5e-16, 0.25, 0.25, 0.75]
    yi = (rng.random(400) < x).astype(float)
    iso = IsotonicRegression(out_of_bounds="clip").fit(x, yi)
    grid = np.concatenate([[-0.5, 0.0, 0.005, 0.333, 0.5, 0.5 + 3e-16, 0.999, 1.0, 2.0], np.linspace(0, 1, 101)])
    isotonic = {"x": x.tolist(), "y": yi.tolist(), "grid": grid.tolist(),
                "predictions": iso.predict(grid).tolist(),
                "x_thresholds": iso.X_thresholds_.tolist(), "y_thresholds": iso.y_thresholds_.tolist()}

    f = rng.normal(0.0, 2.0, 800)
    yp = (rng.random(800) < scipy.special.expit(0.6 * f - 0.3)).astype(int)
    platt = {"score": f.tolist(), "target": yp.tolist(), **platt_reference(f, yp)}
    sig = _SigmoidCalibration().fit(f, yp)
    platt["grid"] = [-5.0, -1.0, 0.0, 0.5, 3.0]
    platt["predictions"] = sig.predict(np.array(platt["grid"])).tolist()

    zl = rng.normal(0.0, 1.0, (600, 3)) * 3.0
    yt = np.array([rng.choice(3, p=scipy.special.softmax(l / 3.0)) for l in zl])
    temperature = {"logits": zl.T.tolist(), "target": yt.tolist(), "temperature": temperature_reference(zl, yt)}

    # A real dataset: out-of-fold logistic scores on breast cancer data
    # (breast_cancer_data.py), read back from the committed CSV.
    bc = read_breast_cancer()
    breast_cancer = {"cases": [], "platt": platt_reference(bc["score"], bc["target"])}
    for bins, strategy in ((10, "uniform"), (10, "quantile")):
        breast_cancer["cases"].append({"bins": bins, "strategy": strategy,
                                       **binary_analysis(bc["score"], bc["target"], bins, strategy)})
    iso_bc = IsotonicRegression(out_of_bounds="clip").fit(bc["score"], bc["target"])
    breast_cancer["isotonic_grid"] = np.linspace(0, 1, 41).tolist()
    breast_cancer["isotonic_predictions"] = iso_bc.predict(np.linspace(0, 1, 41)).tolist()
    breast_cancer["platt_grid"] = breast_cancer["isotonic_grid"]
    breast_cancer["platt_predictions"] = _SigmoidCalibration().fit(bc["score"], bc["target"]).predict(
        np.linspace(0, 1, 41)).tolist()

    doc = {"generator": "tests/reference/calibration_reference.py",
           "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
           "cases": cases, "isotonic": isotonic, "platt": platt, "temperature": temperature,
           "breast_cancer": breast_cancer}
    with open(os.path.join(HERE, "calibration_reference.json"), "w") as out:
        json.dump(doc, out, indent=None, separators=(",", ":"))
        out.write("\n")


if __name__ == "__main__":
    main()
