#!/usr/bin/python3
"""Independent counts for the planted-problems test (tests/quality/planted_test.cpp).

The C++ test generates the files; keep them and count with pandas:

  ASSAY_PLANTED_DIR=/tmp/planted build/<dir>/tests/test_quality --gtest_filter='Planted.*'
  /usr/bin/python3 tests/reference/quality_planted.py /tmp/planted

writes tests/reference/quality_planted.json with, for the planted files and
the clean twin, what pandas / scikit-learn find in test.csv against
train.csv: duplicate rows (all columns but id), x0 values outside the
training range, rows with a `cat` unseen in training, test rows whose
features equal a training row exactly and after normalisation (strings
stripped and lower-cased, floats rounded to 6 significant digits), test rows
older than the newest training row, shared ids, and single-feature ROC AUCs.
"""
import json
import pathlib
import sys

import numpy as np
import pandas as pd
import sklearn.metrics

FEATURES = ["x0", "x1", "x2", "cat", "city", "weak", "leak"]
NUMERIC = ["x0", "x1", "x2", "weak", "leak", "target"]


def normalised(df):
    out = df[FEATURES].copy()
    for c in ["cat", "city"]:
        out[c] = out[c].str.strip().str.lower()
    for c in ["x0", "x1", "x2", "weak", "leak"]:
        out[c] = [float(f"{v:.6g}") for v in out[c]]
    return out


def contaminated(train, test):
    t = train.drop_duplicates()
    merged = test.merge(t, how="left", on=FEATURES, indicator=True)
    return int((merged["_merge"] == "both").sum())


def auc(y, s):
    return float(sklearn.metrics.roc_auc_score(y, s))


def counts(folder):
    train = pd.read_csv(folder / "train.csv", parse_dates=["ts"])
    test = pd.read_csv(folder / "test.csv", parse_dates=["ts"])
    dup = test.drop(columns=["id"]).duplicated(keep="first")
    other = sum(int(((test[c] < train[c].min()) | (test[c] > train[c].max())).sum()) for c in NUMERIC if c != "x0")
    return {
        "train_rows": len(train),
        "test_rows": len(test),
        "train_bytes": (folder / "train.csv").stat().st_size,
        "test_bytes": (folder / "test.csv").stat().st_size,
        "duplicates": int(dup.sum()),
        "distinct_duplicated": int(test.drop(columns=["id"])[dup].drop_duplicates().shape[0]),
        "x0_above": int((test["x0"] > train["x0"].max()).sum()),
        "x0_below": int((test["x0"] < train["x0"].min()).sum()),
        "other_out_of_range": other,
        "unseen_cat": int((~test["cat"].isin(set(train["cat"]))).sum()),
        "contaminated_exact": contaminated(train[FEATURES], test[FEATURES]),
        "contaminated_normalised": contaminated(normalised(train), normalised(test)),
        "temporal": int((test["ts"] < train["ts"].max()).sum()),
        "id_overlap": int(test["id"].isin(set(train["id"])).sum()),
        "train_auc": {c: auc(train["target"], train[c]) for c in ["x0", "x1", "x2", "weak", "leak"]},
        "test_auc": {c: auc(test["target"], test[c]) for c in ["x0", "x1", "x2", "weak", "leak"]},
    }


def main():
    root = pathlib.Path(sys.argv[1])
    doc = {"generator": "tests/reference/quality_planted.py on files from tests/quality/planted_data.cpp",
           "versions": {"pandas": pd.__version__, "sklearn": sklearn.__version__, "numpy": np.__version__},
           "planted": counts(root / "planted"), "clean": counts(root / "clean")}
    pathlib.Path(__file__).with_suffix(".json").write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
