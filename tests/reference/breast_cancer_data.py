#!/usr/bin/python3
"""Exports tests/data/breast_cancer_scores.csv: a real dataset the tests of
calibration and fairness check against their references.

The Wisconsin diagnostic breast cancer data (569 rows) as shipped inside
scikit-learn (sklearn.datasets.load_breast_cancer, no download). The score
is a standardised logistic regression's out-of-fold probability of the
`target` (1 = benign, scikit-learn's coding) from 5-fold cross_val_predict,
so the scores are honest held-out predictions; `prediction` is score >= 0.5.
`size` (mean radius above/below its median) and `texture` (tercile of mean
texture) are stand-in grouping columns for fairness arithmetic: this data has
no demographic attributes.
"""
import os

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "breast_cancer_scores.csv")


def main():
    data = load_breast_cancer()
    X, y = data.data, data.target
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=1000))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    score = cross_val_predict(model, X, y, cv=folds, method="predict_proba")[:, 1]
    radius = X[:, list(data.feature_names).index("mean radius")]
    texture = X[:, list(data.feature_names).index("mean texture")]
    size = np.where(radius > np.median(radius), "large", "small")
    cuts = np.quantile(texture, [1 / 3, 2 / 3])
    texture_group = np.array(["low", "mid", "high"])[np.searchsorted(cuts, texture, side="right")]
    with open(OUT, "w") as out:
        out.write("id,target,score,prediction,size,texture\n")
        for i in range(len(y)):
            out.write(f"{i},{y[i]},{score[i]!r},{int(score[i] >= 0.5)},{size[i]},{texture_group[i]}\n")


if __name__ == "__main__":
    main()
