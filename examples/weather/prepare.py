#!/usr/bin/python3
"""Builds the shipped weather example: a next-day rain forecast, scored.

Source: weather.csv from the npm package vega-datasets (3.2.1), daily NOAA
Climate Data Online observations for Seattle and New York, 2012-2015. Get it
(or use the copy in examples/weather/raw/):

  cd /tmp && npm pack vega-datasets@3.2.1 && tar xzf vega-datasets-3.2.1.tgz
  # -> /tmp/package/data/weather.csv

Run from the repository root with Debian's Python (pandas, scikit-learn):

  /usr/bin/python3 examples/weather/prepare.py examples/weather/raw/weather.csv

Per location, each day gets the target rain_tomorrow (1 if the next day's
precipitation > 0) and features that are known at the end of that day; the
last day of each location has no tomorrow and is dropped. A logistic
regression (standardised numeric + one-hot categorical features) is fit on
2012; 2013 is written as the reference period, 2014-2015 as the current
period, both scored with the 2012 model.
"""
import argparse
import pathlib

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["precipitation", "temp_max", "temp_min", "wind", "temp_range", "month",
           "precipitation_7d", "rain_days_7d", "temp_max_change"]
CATEGORICAL = ["location", "weather"]
OUTPUT_COLUMNS = ["date", "location", "precipitation", "temp_max", "temp_min", "wind", "weather",
                  "temp_range", "month", "precipitation_7d", "rain_days_7d", "temp_max_change",
                  "rain_tomorrow", "score", "prediction"]


def derive(raw: pd.DataFrame) -> pd.DataFrame:
    """Target and features per location and day; every feature uses only that day and the past."""
    days = raw.sort_values(["location", "date"]).reset_index(drop=True)
    by_location = days.groupby("location", sort=False)
    rained = (days["precipitation"] > 0).astype(int)
    days["temp_range"] = (days["temp_max"] - days["temp_min"]).round(1)
    days["month"] = pd.to_datetime(days["date"]).dt.month
    days["precipitation_7d"] = by_location["precipitation"].transform(
        lambda s: s.rolling(7, min_periods=1).mean()).round(6)
    days["rain_days_7d"] = rained.groupby(days["location"]).transform(
        lambda s: s.rolling(7, min_periods=1).sum()).astype(int)
    days["temp_max_change"] = by_location["temp_max"].diff().round(1)
    tomorrow = by_location["precipitation"].shift(-1)
    days["rain_tomorrow"] = (tomorrow > 0).astype(int)
    days = days[tomorrow.notna() & days["temp_max_change"].notna()]
    return days.reset_index(drop=True)


def make_model() -> object:
    features = ColumnTransformer([
        ("numeric", StandardScaler(), NUMERIC),
        ("categorical", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    return make_pipeline(features, LogisticRegression(C=1.0, max_iter=1000, random_state=0))


def score(model: object, period: pd.DataFrame) -> pd.DataFrame:
    scored = period.copy()
    proba = model.predict_proba(scored[NUMERIC + CATEGORICAL])[:, 1]
    scored["score"] = np.round(proba, 6)
    scored["prediction"] = (scored["score"] >= 0.5).astype(int)
    return scored.sort_values(["date", "location"])[OUTPUT_COLUMNS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw_csv", help="weather.csv from vega-datasets")
    parser.add_argument("--out-dir", default=str(pathlib.Path(__file__).resolve().parent))
    args = parser.parse_args()

    days = derive(pd.read_csv(args.raw_csv))
    year = days["date"].str[:4]
    train, reference, current = days[year == "2012"], days[year == "2013"], days[year >= "2014"]

    model = make_model().fit(train[NUMERIC + CATEGORICAL], train["rain_tomorrow"])
    out = pathlib.Path(args.out_dir)
    for name, period in [("reference", reference), ("current", current)]:
        scored = score(model, period)
        scored.to_csv(out / f"{name}.csv", index=False)
        auc = roc_auc_score(scored["rain_tomorrow"], scored["score"])
        print(f"{name}.csv: {len(scored)} rows, rain_tomorrow rate {scored['rain_tomorrow'].mean():.3f}, "
              f"ROC AUC {auc:.4f}, accuracy {(scored['prediction'] == scored['rain_tomorrow']).mean():.4f}")


if __name__ == "__main__":
    main()
