#!/usr/bin/python3
"""Golden profile values for tests/data/profile/*.csv, computed with pandas (Debian 1.5.3).

  /usr/bin/python3 tests/reference/profile_data.py        # (re)generates the CSVs
  /usr/bin/python3 tests/reference/profile_reference.py   # writes tests/reference/profile_pandas.json

Each file is read with
  pandas.read_csv(path, keep_default_na=False, na_values=NA_TOKENS, float_precision="round_trip")
so exactly the NA tokens below are null and floats are parsed correctly rounded (as fast_float does).

Layout of profile_pandas.json (keys in this order; all floats are exact: Python's json writes
the shortest repr that round-trips):

{
  "schema": "assay.reference.profile/v1",
  "generator": "tests/reference/profile_reference.py",
  "versions": {"pandas": "1.5.3", "numpy": "1.24.2", "python": "3.11.2"},
  "read_csv": {"keep_default_na": false, "na_values": [...], "float_precision": "round_trip"},
  "rules": {"quantiles": ..., "std": ..., "top": ..., "non_finite": ..., "exact": ...},
  "files": {
    "<file name in tests/data/profile>": {
      "rows": <int>,
      "column_names": [<header order>],
      "columns": {
        "<name>": {
          "pandas_dtype": "int64" | "float64" | "bool" | "object",
          "count": <non-null values>, "nulls": <null values>, "nunique": <distinct non-null values>,
          "numeric": {                               # only when pandas_dtype is int64 or float64
            "mean", "std", "min", "max", "p1", "p5", "p25", "p50", "p75", "p95", "p99": <number|null>
          },
          "exact": {same keys as "numeric"},         # only with "numeric": exact rational arithmetic
          "pandas_differs_from_exact": [<keys where pandas is off by more than 1e-12 relative>],
          "timestamp": {                             # only for object columns that are all ISO-8601
            "min": "<ISO, UTC>", "max": "<ISO, UTC>", "min_ns": <int>, "max_ns": <int>
          },
          "top": [{"value": <number|bool|string>, "count": <int>}, ... at most 10],
          "top_cut_tied": <bool: the 10th and 11th most frequent values have the same count,
                           so the tie rule decides which values make the top 10>
        }
      }
    }
  }
}

Non-finite results are encoded as null (NaN: undefined, e.g. std of one value or mean of no
values) or the strings "inf" / "-inf" (pandas overflowing on huge magnitudes). Integer-valued
min/max of int64 columns are JSON integers (exact beyond 2**53).
"""
import json
import pathlib
import platform
import re
import sys
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np
import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "profile"
OUT = ROOT / "reference" / "profile_pandas.json"
NA_TOKENS = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"]
PERCENTILES = {"p1": "0.01", "p5": "0.05", "p25": "0.25", "p50": "0.5", "p75": "0.75", "p95": "0.95",
               "p99": "0.99"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
TOLERANCE = 1e-12

RULES = {
    "quantiles": "Series.quantile(p, interpolation='linear'): h = (n-1)p, x[floor h] + (h - floor h)"
                 " * (x[floor h + 1] - x[floor h]) on the sorted non-null values (Hyndman & Fan type 7)",
    "std": "sample standard deviation, ddof=1; null for fewer than 2 values",
    "top": "value_counts of the non-null values, sorted by count descending, ties broken by value"
           " ascending in the column's own order: numerically for numbers, false < true for bools,"
           " by code point (= UTF-8 byte order) for strings; first 10 kept",
    "non_finite": "NaN -> null, +inf -> \"inf\", -inf -> \"-inf\"",
    "exact": "the same statistics in exact rational arithmetic on the parsed doubles (p as the"
             " decimal fraction, e.g. 1/100), rounded once to the nearest double; std via a"
             " 60-digit decimal square root. Where pandas overflows or loses digits (1e300, 1e-300,"
             " large offsets), the exact value is the correct one and pandas_differs_from_exact"
             " names the statistic",
}


def number(value):
    """A JSON-safe exact number: ints stay ints, non-finite floats follow RULES['non_finite']."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    value = float(value)
    if np.isnan(value):
        return None
    if np.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def pandas_numeric(s: pd.Series) -> dict:
    values = s.dropna()
    stats = {"mean": s.mean(), "std": s.std(ddof=1), "min": s.min(), "max": s.max()}
    quantiles = s.quantile([float(p) for p in PERCENTILES.values()], interpolation="linear")
    stats.update({k: q for k, q in zip(PERCENTILES, quantiles.to_numpy())})
    if len(values) > 0:
        described = s.describe(percentiles=[float(p) for p in PERCENTILES.values()])
        for key, label in [("mean", "mean"), ("std", "std"), ("min", "min"), ("max", "max")]:
            assert _same(described[label], stats[key]), (s.name, key)
    return {k: number(v) for k, v in stats.items()}


def _same(a, b) -> bool:
    return (np.isnan(a) and np.isnan(b)) or a == b


def exact_numeric(s: pd.Series) -> dict:
    xs = sorted(Fraction(int(v)) if isinstance(v, (int, np.integer)) else Fraction(float(v))
                for v in s.dropna().to_numpy())
    n = len(xs)
    if n == 0:
        return {k: None for k in ["mean", "std", "min", "max", *PERCENTILES]}
    mean = sum(xs) / n
    result = {"mean": float(mean), "std": None, "min": number(s.min()), "max": number(s.max())}
    if n > 1:
        var = sum((x - mean) ** 2 for x in xs) / (n - 1)
        with localcontext() as ctx:
            ctx.prec = 60
            result["std"] = float((Decimal(var.numerator) / Decimal(var.denominator)).sqrt())
    for key, p in PERCENTILES.items():
        h = (n - 1) * Fraction(p)
        lo = int(h)
        q = xs[lo] if h == lo else xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])
        result[key] = float(q)
    return result


def differs(pandas_value, exact_value) -> bool:
    if pandas_value is None or exact_value is None or isinstance(pandas_value, str):
        return pandas_value != exact_value
    if exact_value == 0:
        return pandas_value != 0
    return abs(float(pandas_value) - float(exact_value)) > TOLERANCE * abs(float(exact_value))


def sort_key(value):
    return (float(value) if isinstance(value, (int, float, np.integer, np.floating)) and
            not isinstance(value, (bool, np.bool_)) else value)


def top_values(s: pd.Series) -> tuple:
    counts = s.value_counts(dropna=True)
    pairs = sorted(counts.items(), key=lambda vc: (-vc[1], sort_key(vc[0])))
    cut_tied = len(pairs) > 10 and pairs[9][1] == pairs[10][1]
    return [{"value": number(v) if not isinstance(v, str) else v, "count": int(c)} for v, c in pairs[:10]], cut_tied


def timestamp_range(s: pd.Series):
    values = s.dropna()
    if s.dtype != object or len(values) == 0 or not all(isinstance(v, str) and ISO.match(v) for v in values):
        return None
    stamps = pd.to_datetime(values, utc=True)
    lo, hi = stamps.min(), stamps.max()
    return {"min": lo.isoformat(), "max": hi.isoformat(), "min_ns": int(lo.value), "max_ns": int(hi.value)}


def profile_column(s: pd.Series) -> dict:
    column = {"pandas_dtype": str(s.dtype), "count": int(s.count()), "nulls": int(s.isna().sum()),
              "nunique": int(s.nunique(dropna=True))}
    if s.dtype.kind in "iuf":
        column["numeric"] = pandas_numeric(s)
        column["exact"] = exact_numeric(s)
        column["pandas_differs_from_exact"] = [k for k in column["numeric"]
                                               if differs(column["numeric"][k], column["exact"][k])]
    stamps = timestamp_range(s)
    if stamps is not None:
        column["timestamp"] = stamps
    column["top"], column["top_cut_tied"] = top_values(s)
    return column


# pandas takes std from bottleneck when bottleneck is installed and from its
# own two-pass nanvar otherwise. Golden values made in another environment
# differed from the two-pass ones by up to 1e-13 relative (4e-5 on big_ints,
# where both are far from exact); pin the two-pass path so the reference does
# not depend on what else is installed.
pd.set_option("compute.use_bottleneck", False)


def read(path: pathlib.Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, na_values=NA_TOKENS, float_precision="round_trip")


def main() -> None:
    files = {}
    for path in sorted(DATA.glob("*.csv")):
        frame = read(path)
        files[path.name] = {
            "rows": len(frame),
            "column_names": list(frame.columns),
            "columns": {name: profile_column(frame[name]) for name in frame.columns},
        }
    document = {
        "schema": "assay.reference.profile/v1",
        "generator": "tests/reference/profile_reference.py",
        "versions": {"pandas": pd.__version__, "numpy": np.__version__, "python": platform.python_version()},
        "read_csv": {"keep_default_na": False, "na_values": NA_TOKENS, "float_precision": "round_trip"},
        "rules": RULES,
        "files": files,
    }
    text = json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT.parent)}: {len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
