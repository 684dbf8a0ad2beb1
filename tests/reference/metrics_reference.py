#!/usr/bin/python3
"""Golden values for `assay metrics`, computed with Debian's scikit-learn.

Writes tests/reference/metrics_reference.json: a matrix of generated cases
(ties, weights, imbalance, string labels, multiclass with absent classes,
regression, ranking). Each case stores its input columns, the evaluation
spec and the expected values, so tests/metrics/reference_test.cpp computes
from identical data and CI needs no Python.

  /usr/bin/python3 tests/reference/metrics_reference.py

Conventions the C++ engine follows, written down here once:
- scikit-learn 1.2.1: log_loss clips probabilities to [eps, 1 - eps] with
  eps = numpy.finfo(float64).eps (eps="auto", the default since 1.2; 1e-15
  before) and renormalises each row.
- Where scikit-learn raises (roc_auc with one class, multiclass roc_auc with a
  class absent from y_true, brier_score_loss with scores outside [0, 1]),
  the expected value is null: assay reports null with a reason.
- Binary predictions from scores: positive when score >= threshold.
  Multiclass predictions from scores: numpy.argmax (first maximum).
- best_f1 / youden_j: over the distinct score thresholds of
  _binary_clf_curve, F1 = 2 TP / (TP + FP + P), J = (TP N - FP P) / (P N);
  ties go to the highest threshold.
- Ranking: ndcg is sklearn.metrics.ndcg_score on each query (ties averaged),
  averaged over queries with the query weights. map/mrr/precision_at_k/
  recall_at_k have no scikit-learn function; they are defined below in plain
  Python (stable order of rows within tied scores) and cross-checked against
  average_precision_score where the definitions coincide.
"""
import json
import math
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics as M
from sklearn.metrics._ranking import _binary_clf_curve

OUT = __file__.rsplit(".", 1)[0] + ".json"


def floats(a):
    return [float(x) for x in a]


def column(name, values, kind):
    if kind == "float64":
        return {"name": name, "kind": kind, "values": floats(values)}
    if kind == "int64":
        return {"name": name, "kind": kind, "values": [int(x) for x in values]}
    if kind == "bool":
        return {"name": name, "kind": kind, "values": [bool(x) for x in values]}
    return {"name": name, "kind": kind, "values": [str(x) for x in values]}


def value(fn):
    """The value scikit-learn returns, or None where it raises."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = fn()
    except ValueError:
        return None
    v = float(v)
    return None if math.isnan(v) else v


# ---------------------------------------------------------------- binary


def best_thresholds(y, score, w):
    """Best F1 and Youden J thresholds over _binary_clf_curve's thresholds."""
    fps, tps, thr = _binary_clf_curve(y, score, pos_label=1, sample_weight=w)
    p, n = tps[-1], fps[-1]
    out = {}
    if p > 0:
        f1 = 2 * tps / (tps + fps + p)
        i = int(np.argmax(f1))
        out["best_f1_threshold"], out["best_f1"] = float(thr[i]), float(f1[i])
    if p > 0 and n > 0:
        j = (tps * n - fps * p) / (p * n)
        i = int(np.argmax(j))
        out["youden_j_threshold"], out["youden_j"] = float(thr[i]), float(j[i])
    return out


def binary_case(name, y_text, score, *, positive, negative, pred_text=None, w=None, threshold=0.5,
                kind="string", auto_positive=False, note=""):
    """y_text/pred_text: label values as they appear in the data (kind "string" or "int64")."""
    y_text = np.asarray(y_text)
    y = (y_text.astype(str) == str(positive)).astype(int)
    columns = [column("y", y_text, kind)]
    spec = {"task": "binary", "target": "y", "threshold": threshold}
    if not auto_positive:
        spec["positive"] = str(positive)
    if score is not None:
        score = np.asarray(score, dtype=float)
        columns.append(column("p", score, "float64"))
        spec["score"] = "p"
    if pred_text is not None:
        pred_text = np.asarray(pred_text)
        columns.append(column("yhat", pred_text, kind))
        spec["prediction"] = "yhat"
        pred = (pred_text.astype(str) == str(positive)).astype(int)
    else:
        pred = (score >= threshold).astype(int)
    if w is not None:
        w = np.asarray(w, dtype=float)
        columns.append(column("w", w, "float64"))
        spec["weight"] = "w"

    e = {
        "accuracy": value(lambda: M.accuracy_score(y, pred, sample_weight=w)),
        "balanced_accuracy": value(lambda: M.balanced_accuracy_score(y, pred, sample_weight=w)),
        "precision": value(lambda: M.precision_score(y, pred, sample_weight=w, zero_division=0)),
        "recall": value(lambda: M.recall_score(y, pred, sample_weight=w, zero_division=0)),
        "f1": value(lambda: M.f1_score(y, pred, sample_weight=w, zero_division=0)),
        "specificity": value(lambda: M.recall_score(y, pred, pos_label=0, sample_weight=w, zero_division=0)),
        "mcc": value(lambda: M.matthews_corrcoef(y, pred, sample_weight=w)),
        "cohen_kappa": value(lambda: M.cohen_kappa_score(y, pred, sample_weight=w)),
    }
    if score is not None:
        e["roc_auc"] = value(lambda: M.roc_auc_score(y, score, sample_weight=w))
        e["average_precision"] = value(lambda: M.average_precision_score(y, score, sample_weight=w))
        e["log_loss"] = value(lambda: M.log_loss(y, score, sample_weight=w, labels=[0, 1]))
        e["brier_score"] = value(lambda: M.brier_score_loss(y, score, sample_weight=w))
        e.update(best_thresholds(y, score, w))
    else:
        for k in ("roc_auc", "average_precision", "log_loss", "brier_score"):
            e[k] = None
    cm = M.confusion_matrix(y, pred, labels=[0, 1], sample_weight=w)
    return {
        "name": name,
        "note": note,
        "columns": columns,
        "spec": spec,
        "expected": e,
        "confusion": {"labels": [str(negative), str(positive)], "matrix": cm.astype(float).tolist()},
    }


def binary_cases(rng):
    cases = []
    n = 400
    y = (rng.random(n) < 0.4).astype(int)
    s = 1 / (1 + np.exp(-(1.2 * y - 0.6 + rng.normal(size=n))))
    cases.append(binary_case("binary_continuous", y, s, positive=1, negative=0, kind="int64", auto_positive=True,
                             note="int labels 0/1, positive detected"))

    s_ties = np.round(s, 1)
    cases.append(binary_case("binary_ties", y, s_ties, positive=1, negative=0, kind="int64", auto_positive=True,
                             note="scores rounded to 0.1: heavy ties, threshold inside a tie"))

    w = rng.uniform(0, 3, size=n)
    w[rng.random(n) < 0.1] = 0.0
    cases.append(binary_case("binary_weights_ties", y, s_ties, positive=1, negative=0, w=w, kind="int64", auto_positive=True,
                             note="weights with zeros and ties"))

    n = 2500
    y = (rng.random(n) < 0.02).astype(int)
    s = 1 / (1 + np.exp(-(2.5 * y - 3 + rng.normal(size=n))))
    s = np.round(s, 3)
    cases.append(binary_case("binary_imbalanced", y, s, positive=1, negative=0, threshold=0.2, kind="int64", auto_positive=True,
                             note="2% positives, threshold 0.2"))

    n = 300
    y = (rng.random(n) < 0.5).astype(int)
    text = np.where(y == 1, "spam", "ham")
    s = np.clip(0.5 + 0.3 * (y - 0.5) + 0.25 * rng.normal(size=n), 0, 1)
    pred = np.where(rng.random(n) < 0.8, text, np.where(y == 1, "ham", "spam"))
    cases.append(binary_case("binary_strings_prediction", text, s, positive="spam", negative="ham",
                             pred_text=pred, note="string labels with a prediction column and scores"))
    cases.append(binary_case("binary_strings_positive_first", text, 1 - s, positive="ham", negative="spam",
                             pred_text=np.where(pred == "spam", "ham", "spam")[::-1].copy(),
                             note="positive label sorts first"))

    yes = np.where(y == 1, "yes", "no")
    cases.append(binary_case("binary_yes_no_prediction_only", yes, None, positive="yes", negative="no",
                             pred_text=np.where(rng.random(n) < 0.7, yes, "yes"), auto_positive=True,
                             note="no scores; positive 'yes' detected"))

    margin = 2.0 * (y - 0.5) + rng.normal(size=n)
    cases.append(binary_case("binary_margins_outside_unit", y, np.round(margin, 2), positive=1, negative=0,
                             threshold=0.0, kind="int64", auto_positive=True,
                             note="decision-function scores: log_loss clips, brier undefined"))

    y0 = np.zeros(50, dtype=int)
    cases.append(binary_case("binary_one_class", y0, rng.random(50), positive=1, negative=0, kind="int64", auto_positive=True,
                             note="only negatives: roc_auc undefined"))

    pm = np.where(rng.random(n) < 0.3, 1, -1)
    cases.append(binary_case("binary_minus_one_one", pm, np.round(rng.random(n), 2), positive=1, negative=-1,
                             kind="int64", auto_positive=True, note="labels -1/1, positive 1 detected"))
    return cases


# ------------------------------------------------------------ multiclass


def multiclass_case(name, y, proba, classes, *, kind, pred=None, w=None, k=2, note=""):
    y = np.asarray(y)
    columns = [column("y", y, kind)]
    score_names = [f"p_{c}" for c in classes]
    for j, c in enumerate(score_names):
        columns.append(column(c, proba[:, j], "float64"))
    spec = {"task": "multiclass", "target": "y", "scores": score_names, "k": k}
    classes_arr = np.asarray(classes)
    if pred is None:
        pred = classes_arr[np.argmax(proba, axis=1)]
    else:
        columns.append(column("yhat", pred, kind))
        spec["prediction"] = "yhat"
    if w is not None:
        columns.append(column("w", w, "float64"))
        spec["weight"] = "w"
    labels = sorted(classes, key=(lambda c: c) if kind == "string" else (lambda c: int(c)))
    order = [list(classes).index(c) for c in labels]
    proba_sorted = proba[:, order]
    avg = {}
    for a in ("macro", "micro", "weighted"):
        avg[f"precision_{a}"] = value(lambda: M.precision_score(y, pred, average=a, sample_weight=w, zero_division=0))
        avg[f"recall_{a}"] = value(lambda: M.recall_score(y, pred, average=a, sample_weight=w, zero_division=0))
        avg[f"f1_{a}"] = value(lambda: M.f1_score(y, pred, average=a, sample_weight=w, zero_division=0))
    e = {
        "accuracy": value(lambda: M.accuracy_score(y, pred, sample_weight=w)),
        "balanced_accuracy": value(lambda: M.balanced_accuracy_score(y, pred, sample_weight=w)),
        **avg,
        "mcc": value(lambda: M.matthews_corrcoef(y, pred, sample_weight=w)),
        "cohen_kappa": value(lambda: M.cohen_kappa_score(y, pred, sample_weight=w)),
        "log_loss": value(lambda: M.log_loss(y, proba_sorted, labels=labels, sample_weight=w)),
        "top_k_accuracy": value(lambda: M.top_k_accuracy_score(y, proba_sorted, k=k, labels=labels, sample_weight=w)),
        "roc_auc_ovr": value(lambda: M.roc_auc_score(y, proba_sorted, multi_class="ovr", average="macro",
                                                     labels=labels, sample_weight=w)),
        "roc_auc_ovr_weighted": value(lambda: M.roc_auc_score(y, proba_sorted, multi_class="ovr",
                                                              average="weighted", labels=labels, sample_weight=w)),
    }
    p, r, f, support = M.precision_recall_fscore_support(y, pred, labels=labels, sample_weight=w, zero_division=0)
    per_class = {}
    for j, c in enumerate(labels):
        yc = (y.astype(str) == str(c)).astype(int)
        per_class[str(c)] = {
            "precision": float(p[j]), "recall": float(r[j]), "f1": float(f[j]), "support": float(support[j]),
            "roc_auc": value(lambda: M.roc_auc_score(yc, proba_sorted[:, j], sample_weight=w)),
        }
    cm = M.confusion_matrix(y, pred, labels=labels, sample_weight=w)
    return {
        "name": name, "note": note, "columns": columns, "spec": spec, "expected": e, "per_class": per_class,
        "confusion": {"labels": [str(c) for c in labels], "matrix": cm.astype(float).tolist()},
    }


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def multiclass_cases(rng):
    cases = []
    n, K = 600, 4
    y = rng.integers(0, K, size=n)
    logits = rng.normal(size=(n, K)) + 1.5 * np.eye(K)[y]
    proba = softmax(logits)
    cases.append(multiclass_case("multiclass_int", y, proba, [0, 1, 2, 3], kind="int64", note="4 int classes"))
    w = rng.uniform(0.1, 2.0, size=n)
    cases.append(multiclass_case("multiclass_weights_k3", y, proba, [0, 1, 2, 3], kind="int64", w=w, k=3,
                                 note="weights, top-3"))

    names = np.array(["cat", "dog", "eel"])
    y = rng.integers(0, 3, size=n)
    proba = softmax(rng.normal(size=(n, 3)) + 1.0 * np.eye(3)[y])
    proba_r = np.round(proba, 1)
    proba_r = proba_r / proba_r.sum(axis=1, keepdims=True)
    cases.append(multiclass_case("multiclass_strings_ties", names[y], proba_r, ["cat", "dog", "eel"],
                                 kind="string", note="string classes, ties in scores"))
    # Score columns given in non-sorted class order.
    cases.append(multiclass_case("multiclass_columns_unsorted", names[y], proba[:, [2, 0, 1]], ["eel", "cat", "dog"],
                                 kind="string", note="score columns not in sorted class order"))

    # Five classes in the scores; class 4 never in y_true and rarely predicted.
    K = 5
    y = rng.integers(0, 4, size=n)
    proba = softmax(rng.normal(size=(n, K)) + 1.2 * np.eye(K)[y])
    cases.append(multiclass_case("multiclass_absent_class", y, proba, [0, 1, 2, 3, 4], kind="int64",
                                 note="class 4 absent from the target: roc_auc undefined (scikit-learn raises)"))
    pred = np.where(rng.random(n) < 0.75, y, rng.integers(0, 4, size=n))
    cases.append(multiclass_case("multiclass_prediction_column", y, proba, [0, 1, 2, 3, 4], kind="int64",
                                 pred=pred, w=rng.uniform(0, 2, size=n),
                                 note="explicit predictions, class 4 in neither target nor prediction"))
    return cases


# ------------------------------------------------------------ regression


def regression_case(name, y, yhat, *, w=None, quantile=0.5, note=""):
    columns = [column("y", y, "float64"), column("yhat", yhat, "float64")]
    spec = {"task": "regression", "target": "y", "prediction": "yhat", "quantile": quantile}
    if w is not None:
        columns.append(column("w", w, "float64"))
        spec["weight"] = "w"
    e = {
        "mae": value(lambda: M.mean_absolute_error(y, yhat, sample_weight=w)),
        "mse": value(lambda: M.mean_squared_error(y, yhat, sample_weight=w)),
        "rmse": value(lambda: M.mean_squared_error(y, yhat, sample_weight=w, squared=False)),
        "r2": value(lambda: M.r2_score(y, yhat, sample_weight=w)),
        "mape": value(lambda: M.mean_absolute_percentage_error(y, yhat, sample_weight=w)),
        "median_absolute_error": value(lambda: M.median_absolute_error(y, yhat, sample_weight=w)),
        "explained_variance": value(lambda: M.explained_variance_score(y, yhat, sample_weight=w)),
        "max_error": value(lambda: M.max_error(y, yhat)),
        "mean_pinball_loss": value(lambda: M.mean_pinball_loss(y, yhat, alpha=quantile, sample_weight=w)),
    }
    return {"name": name, "note": note, "columns": columns, "spec": spec, "expected": e}


def regression_cases(rng):
    n = 500
    y = rng.normal(10, 3, size=n)
    yhat = y + rng.normal(0.5, 1.5, size=n)
    cases = [regression_case("regression_basic", y, yhat, note="even n: median averages the middle pair")]
    cases.append(regression_case("regression_weights_q09", y, yhat, w=rng.uniform(0, 2, size=n), quantile=0.9,
                                 note="weighted median is scikit-learn's lower weighted percentile"))
    y0 = np.round(rng.normal(0, 1, size=201), 1)
    cases.append(regression_case("regression_zero_targets", y0, y0 + rng.normal(0, 0.5, size=201),
                                 note="zeros in y_true: mape divides by machine epsilon"))
    c = np.full(40, 3.0)
    cases.append(regression_case("regression_constant_target", c, c + rng.normal(size=40),
                                 note="constant y_true: r2 and explained_variance are 0 (force_finite)"))
    cases.append(regression_case("regression_perfect_constant", c, c.copy(), note="r2 = 1 when all errors are 0"))
    return cases


# --------------------------------------------------------------- ranking


def ranked_order(scores):
    """Rows by descending score, ties in row order (stable)."""
    return sorted(range(len(scores)), key=lambda i: -scores[i])


def ap_at_k(rel, scores, k):
    order = ranked_order(scores)[:k]
    relevant_total = sum(1 for r in rel if r > 0)
    if relevant_total == 0:
        return 0.0
    hits, total = 0, 0.0
    for i, row in enumerate(order, start=1):
        if rel[row] > 0:
            hits += 1
            total += hits / i
    return total / min(k, relevant_total)


def rr(rel, scores):
    for i, row in enumerate(ranked_order(scores), start=1):
        if rel[row] > 0:
            return 1.0 / i
    return 0.0


def precision_at_k(rel, scores, k):
    order = ranked_order(scores)[:k]
    return sum(1 for row in order if rel[row] > 0) / min(k, len(scores))


def recall_at_k(rel, scores, k):
    relevant_total = sum(1 for r in rel if r > 0)
    if relevant_total == 0:
        return 0.0
    order = ranked_order(scores)[:k]
    return sum(1 for row in order if rel[row] > 0) / relevant_total


def ranking_case(name, groups, rel, scores, *, k, qweight=None, note=""):
    ids = sorted(set(groups), key=groups.index)
    per_query = {m: [] for m in ("ndcg", "map", "mrr", "precision_at_k", "recall_at_k")}
    weights = []
    for q in ids:
        rows = [i for i, g in enumerate(groups) if g == q]
        r = [rel[i] for i in rows]
        s = [scores[i] for i in rows]
        if len(rows) > 1:
            ndcg = M.ndcg_score([r], [s], k=k)
        else:
            ndcg = 1.0 if r[0] > 0 else 0.0  # one document: DCG equals ideal DCG
        per_query["ndcg"].append(float(ndcg))
        per_query["map"].append(ap_at_k(r, s, k))
        per_query["mrr"].append(rr(r, s))
        per_query["precision_at_k"].append(precision_at_k(r, s, k))
        per_query["recall_at_k"].append(recall_at_k(r, s, k))
        weights.append(1.0 if qweight is None else qweight[q])
        # Where the definitions coincide (k covers the query, no ties, some relevant), map is
        # scikit-learn's average_precision_score.
        if k >= len(rows) and len(set(s)) == len(s) and 0 < sum(x > 0 for x in r) < len(r):
            ref = M.average_precision_score([int(x > 0) for x in r], s)
            assert abs(ref - per_query["map"][-1]) < 1e-12, (ref, per_query["map"][-1])
    e = {m: float(np.average(v, weights=weights)) for m, v in per_query.items()}
    e["queries"] = float(len(ids))
    columns = [column("qid", groups, "string"), column("rel", rel, "float64"), column("s", scores, "float64")]
    spec = {"task": "ranking", "target": "rel", "score": "s", "group": "qid", "k": k}
    if qweight is not None:
        columns.append(column("w", [qweight[g] for g in groups], "float64"))
        spec["weight"] = "w"
    return {"name": name, "note": note, "columns": columns, "spec": spec, "expected": e}


def ranking_cases(rng):
    cases = []
    groups, rel, scores = [], [], []
    for q in range(40):
        m = int(rng.integers(2, 25))
        r = rng.integers(0, 4, size=m) * (rng.random(m) < 0.4)
        if q % 9 == 0:
            r[:] = 0  # a query with nothing relevant
        s = r + rng.normal(scale=1.5, size=m)
        groups += [f"q{q:02d}"] * m
        rel += [float(x) for x in r]
        scores += [float(x) for x in s]
    cases.append(ranking_case("ranking_graded_k5", groups, rel, scores, k=5, note="graded relevance 0-3, k=5"))
    cases.append(ranking_case("ranking_graded_k30", groups, rel, scores, k=30, note="k beyond every query"))
    tied = [float(round(x)) for x in scores]
    cases.append(ranking_case("ranking_ties_k10", groups, rel, tied, k=10,
                              note="integer scores: ndcg averages over ties"))
    qw = {g: float(rng.uniform(0.5, 2.0)) for g in sorted(set(groups))}
    cases.append(ranking_case("ranking_query_weights", groups, rel, scores, k=10, qweight=qw,
                              note="per-query weights (constant within a query)"))
    # Interleaved queries: rows of a query need not be contiguous.
    perm = rng.permutation(len(groups))
    cases.append(ranking_case("ranking_interleaved", [groups[i] for i in perm], [rel[i] for i in perm],
                              [scores[i] for i in perm], k=5, note="rows of queries interleaved"))
    return cases


def main():
    rng = np.random.default_rng(20240501)
    doc = {
        "generator": "tests/reference/metrics_reference.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "cases": binary_cases(rng) + multiclass_cases(rng) + regression_cases(rng) + ranking_cases(rng),
    }
    cases = doc.pop("cases")
    with open(OUT, "w") as f:
        # One case per line: a regenerated file diffs case by case.
        head = json.dumps(doc)[:-1]
        f.write(head + ', "cases": [\n')
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
