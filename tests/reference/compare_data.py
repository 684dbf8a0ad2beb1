#!/usr/bin/python3
"""Exports the champion/challenger datasets that tests/compare and
tests/cli/compare_cli_test.cpp check against tests/reference/compare_reference.py.

Real data shipped inside scikit-learn (no download); every score or
prediction is an honest out-of-fold prediction from 5-fold cross_val_predict:

- compare_binary.csv: Wisconsin diagnostic breast cancer (569 rows), target
  1 = benign. champion: logistic regression on two features (mean texture,
  mean smoothness); challenger: logistic regression on all 30 standardised
  features. `radius` (mean radius, blank on every 40th row so nulls form a
  slice of their own) and `texture` (tercile of mean texture) slice the rows.
- compare_regression.csv: diabetes progression (442 rows). champion: linear
  regression on bmi alone; challenger: ridge regression on all ten features.
  `sex` ("a"/"b", the dataset's two coded values) and `age` slice the rows.
- compare_multiclass.csv: wine cultivars (178 rows), labels class_0..2.
  champion: logistic regression on two features (alcohol, malic acid);
  challenger: on all 13 standardised features. Predicted labels.

Run: /usr/bin/python3 tests/reference/compare_data.py
"""
import os

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")


def out_of_fold(model, X, y, method, stratified=True):
    folds = (StratifiedKFold if stratified else KFold)(n_splits=5, shuffle=True, random_state=0)
    return cross_val_predict(model, X, y, cv=folds, method=method)


def binary():
    data = load_breast_cancer()
    X, y = data.data, data.target
    names = list(data.feature_names)
    few = [names.index("mean texture"), names.index("mean smoothness")]
    champion = out_of_fold(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), X[:, few], y,
                           "predict_proba")[:, 1]
    challenger = out_of_fold(make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=1000)), X, y,
                             "predict_proba")[:, 1]
    radius = X[:, names.index("mean radius")]
    texture = X[:, names.index("mean texture")]
    cuts = np.quantile(texture, [1 / 3, 2 / 3])
    group = np.array(["low", "mid", "high"])[np.searchsorted(cuts, texture, side="right")]
    with open(os.path.join(DATA, "compare_binary.csv"), "w") as out:
        out.write("id,target,champion,challenger,radius,texture\n")
        for i in range(len(y)):
            r = "" if i % 40 == 39 else repr(float(radius[i]))
            out.write(f"{i},{y[i]},{champion[i]!r},{challenger[i]!r},{r},{group[i]}\n")


def regression():
    data = load_diabetes()
    X, y = data.data, data.target
    names = list(data.feature_names)
    bmi = [names.index("bmi")]
    champion = out_of_fold(LinearRegression(), X[:, bmi], y, "predict", stratified=False)
    challenger = out_of_fold(Ridge(alpha=0.1), X, y, "predict", stratified=False)
    sex = np.where(X[:, names.index("sex")] > 0, "b", "a")
    age = X[:, names.index("age")]
    with open(os.path.join(DATA, "compare_regression.csv"), "w") as out:
        out.write("id,target,champion,challenger,sex,age\n")
        for i in range(len(y)):
            out.write(f"{i},{y[i]!r},{champion[i]!r},{challenger[i]!r},{sex[i]},{age[i]!r}\n")


def multiclass():
    data = load_wine()
    X, y = data.data, data.target
    labels = np.array([f"class_{k}" for k in range(3)])
    champion = out_of_fold(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), X[:, [0, 1]], y,
                           "predict")
    challenger = out_of_fold(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), X, y, "predict")
    with open(os.path.join(DATA, "compare_multiclass.csv"), "w") as out:
        out.write("id,target,champion,challenger\n")
        for i in range(len(y)):
            out.write(f"{i},{labels[y[i]]},{labels[champion[i]]},{labels[challenger[i]]}\n")


if __name__ == "__main__":
    binary()
    regression()
    multiclass()
