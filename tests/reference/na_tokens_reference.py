#!/usr/bin/python3
"""Which cells pandas reads as null, and which kind each column gets, for a CSV that
holds every one of pandas' default NA spellings.

  /usr/bin/python3 tests/reference/na_tokens_reference.py
      writes tests/data/na/na_tokens.csv and tests/reference/na_tokens_pandas.json

The file is read with pandas.read_csv's defaults (keep_default_na=True) plus "None",
which pandas 2 has in its defaults and the installed 1.5.3 does not.

Kinds are named as assay names them. pandas turns an integer column with nulls into
float64, where assay keeps int64, so the kind comes from DataFrame.convert_dtypes()
(Int64 -> int64, Float64 -> float64, boolean -> bool, string -> text); a column of
nulls only is float64 in both.

Layout of na_tokens_pandas.json:
{
  "schema": "assay.reference.na_tokens/v1",
  "generator": "tests/reference/na_tokens_reference.py",
  "versions": {"pandas": ..., "python": ...},
  "na_tokens": [<pandas' default NA spellings, sorted, plus "None">],
  "file": "na/na_tokens.csv",
  "rows": <int>,
  "columns": {"<name>": {"kind": "int64"|"float64"|"bool"|"text", "nulls": <int>}}
}
"""
import json
import pathlib
import platform

import pandas as pd
from pandas._libs.parsers import STR_NA_VALUES

ROOT = pathlib.Path(__file__).resolve().parent.parent
CSV = ROOT / "data" / "na" / "na_tokens.csv"
OUT = ROOT / "reference" / "na_tokens_pandas.json"

TOKENS = sorted(set(STR_NA_VALUES) | {"None"})
# Spellings close to a token that are values, not nulls: other cases, blanks around a
# token, NaN spellings that pandas does not know.
NEAR = ["na", "Na", "NAN", "Null", "NONE", " NA", "NA ", "n/A", "#N/a", "nil", "-", "?", "N.A."]


def quoted(cell: str) -> str:
    return '"' + cell + '"'


def rows():
    out = []
    for i, token in enumerate(TOKENS):
        out.append({
            # A token on every other row, between numbers.
            "int_col": str(i),
            "float_col": f"{i}.25",
            "text_col": f"word{i % 3}",
            "bool_col": "True" if i % 2 else "False",
            "quoted_col": quoted(str(i)),
        })
        out.append({
            "int_col": token,
            "float_col": token,
            "text_col": token,
            "bool_col": token,
            "quoted_col": quoted(token),
        })
    for i, row in enumerate(out):
        row["all_na"] = TOKENS[i % len(TOKENS)]
        row["near_tokens"] = NEAR[i % len(NEAR)]
        row["int_then_near"] = str(i) if i % 5 else NEAR[i % len(NEAR)]
    return out


def write_csv() -> None:
    table = rows()
    names = list(table[0])
    CSV.parent.mkdir(parents=True, exist_ok=True)
    with CSV.open("w", newline="") as f:
        f.write(",".join(names) + "\n")
        for row in table:
            assert all("," not in row[n] and "\n" not in row[n] for n in names)
            f.write(",".join(row[n] for n in names) + "\n")


def kind(raw: pd.Series, converted: pd.Series) -> str:
    if raw.isna().all():
        return "float64"
    name = str(converted.dtype)
    return {"Int64": "int64", "Float64": "float64", "boolean": "bool", "string": "text"}[name]


def main() -> None:
    write_csv()
    df = pd.read_csv(CSV, na_values=["None"])
    converted = df.convert_dtypes()
    doc = {
        "schema": "assay.reference.na_tokens/v1",
        "generator": "tests/reference/na_tokens_reference.py",
        "versions": {"pandas": pd.__version__, "python": platform.python_version()},
        "na_tokens": TOKENS,
        "file": "na/na_tokens.csv",
        "rows": len(df),
        "columns": {c: {"kind": kind(df[c], converted[c]), "nulls": int(df[c].isna().sum())} for c in df.columns},
    }
    OUT.write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
