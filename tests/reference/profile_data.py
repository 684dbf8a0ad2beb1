#!/usr/bin/python3
"""Generates the CSVs in tests/data/profile/ that the profile golden values are computed on.

  /usr/bin/python3 tests/reference/profile_data.py            # writes tests/data/profile/*.csv
  /usr/bin/python3 tests/reference/profile_reference.py       # then the golden JSON

Deterministic (numpy default_rng, fixed seeds). Floats are written with repr(), the
shortest text that round-trips, so a correctly rounded parser reads back exactly the
generated doubles. Nulls are written with every default NA token in turn.

  mixed.csv        5,000 rows, LF: ints, floats with nulls, ties, a constant, bools with and
                   without nulls, categoricals, free text (quoted commas and quotes, UTF-8),
                   ISO datetimes and dates, an all-null column
  extremes.csv     1,000 rows: magnitudes near 1e300 and 1e-300, both signs, values one ulp
                   apart, a large offset with a tiny spread (catastrophic cancellation)
  ties.csv         20,000 rows: heavy ties, and value counts tied across the top-10 cut
                   (numeric and text) so the tie rule decides the top 10
  single_row.csv   1 row of each kind, one null
  crlf_quoted.csv  300 rows, CRLF line endings, quoted fields with embedded commas, newlines
                   and doubled quotes, some numbers quoted
"""
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "profile"
NA_TOKENS = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"]
WORDS = ("alpha beta gamma delta river stone cloud quick brown fox lazy dog über café naïve "
         "東京 data model drift label score \"quoted\" a,b").split(" ")


class NullCycle:
    """Hands out the NA tokens in turn so every spelling occurs."""

    def __init__(self) -> None:
        self.next = 0

    def __call__(self) -> str:
        token = NA_TOKENS[self.next % len(NA_TOKENS)]
        self.next += 1
        return token


def fmt(value) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    return str(value)


def with_nulls(values, is_null, nulls: NullCycle) -> list:
    return [nulls() if null else fmt(v) for v, null in zip(values, is_null)]


class Quoted(str):
    """A field written in quotes although it needs none."""


def quote(field: str) -> str:
    if isinstance(field, Quoted) or any(c in field for c in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def write(name: str, header: list, columns: list, line_end: str = "\n") -> None:
    rows = zip(*[[c if isinstance(c, str) else fmt(c) for c in col] for col in columns])
    lines = [",".join(quote(f) for f in row) for row in [header, *rows]]
    (OUT / name).write_bytes((line_end.join(lines) + line_end).encode("utf-8"))


def sentence(rng: np.random.Generator) -> str:
    return " ".join(rng.choice(WORDS, size=rng.integers(2, 9)))


def iso_seconds(base: str, seconds: np.ndarray) -> list:
    stamps = np.datetime64(base, "s") + seconds.astype("timedelta64[s]")
    return [str(t) for t in stamps]


def mixed(rng: np.random.Generator) -> None:
    n = 5000
    nulls = NullCycle()
    colors = np.array(["red", "green", "blue", "yellow", "black", "na"])
    color_p = 1.0 / np.arange(1, 7)
    columns = {
        "id": [fmt(i) for i in range(1, n + 1)],
        "amount": with_nulls(np.round(rng.normal(100.0, 25.0, n), 2), rng.random(n) < 0.10, nulls),
        "rating": [fmt(v) for v in rng.integers(1, 6, n)],
        "big_int": [fmt(v) for v in rng.integers(-10**15, 10**15, n)],
        "qty": with_nulls(rng.integers(0, 101, n), rng.random(n) < 0.05, nulls),
        "const": [fmt(3.7)] * n,
        "active": with_nulls(rng.random(n) < 0.6, rng.random(n) < 0.03, nulls),
        "verified": [fmt(v) for v in rng.random(n) < 0.2],
        "color": with_nulls(colors[rng.choice(6, n, p=color_p / color_p.sum())], rng.random(n) < 0.05, nulls),
        "comment": [nulls() if rng.random() < 0.02 else sentence(rng) for _ in range(n)],
        "created_at": with_nulls(iso_seconds("2023-01-01T00:00:00", rng.integers(0, 365 * 86400, n)),
                                 rng.random(n) < 0.01, nulls),
        "day": [str(d) for d in np.datetime64("2020-01-01") + rng.integers(0, 1500, n).astype("timedelta64[D]")],
        "nothing": [nulls() for _ in range(n)],
    }
    write("mixed.csv", list(columns), list(columns.values()))


def extremes(rng: np.random.Generator) -> None:
    n = 1000
    sign = lambda: np.where(rng.random(n) < 0.5, -1.0, 1.0)
    huge = sign() * 10.0 ** rng.uniform(290, 300, n)
    huge[:2] = [1e300, -1e300]
    tiny = sign() * 10.0 ** rng.uniform(-300, -290, n)
    tiny[:2] = [1e-300, -1e-300]
    mixed_mag = sign() * 10.0 ** rng.uniform(-300, 300, n)
    mixed_mag[:4] = [1e300, -1e300, 1e-300, 0.0]
    columns = {
        "huge": huge,
        "tiny": tiny,
        "mixed_mag": mixed_mag,
        "negative": -rng.lognormal(3.0, 2.0, n),
        "ulps": 1.0 + rng.integers(0, 8, n) * 2.0 ** -52,
        "offset": 1e9 + np.round(rng.normal(0.0, 1e-3, n), 6),
        "big_ints": rng.integers(2**53 - 500, 2**53 + 500, n),
    }
    write("extremes.csv", list(columns), list(columns.values()))


def shuffled(counts: dict, rng: np.random.Generator) -> np.ndarray:
    values = np.concatenate([np.full(c, v, dtype=object) for v, c in counts.items()])
    return values[rng.permutation(len(values))]


def ties(rng: np.random.Generator) -> None:
    n = 20000
    nulls = NullCycle()
    # Levels L00..L29 with counts falling by 20; L08..L13 share one count, across the top-10 cut.
    level_counts = {f"L{i:02d}": 900 - 20 * i for i in range(30)}
    for i in range(8, 14):
        level_counts[f"L{i:02d}"] = 700
    level_counts["L00"] += n - sum(level_counts.values())
    # Equal counts where numeric and text order disagree (10 < 9.5 as text, -1 < -3 as text).
    tied_numbers = {2.0: 700, 10.0: 700, 9.5: 700, 100.0: 700, -1.0: 700, -3.0: 700, 0.25: 700,
                    1e-05: 700, 33.0: 700, 7.0: 700, 1000.5: 700, 4.0: 699}
    tied_numbers[0.0] = n - sum(tied_numbers.values())
    # Equal counts where byte order matters: digits < upper case < lower case < UTF-8 multibyte.
    tied_words = {w: 1500 for w in ["Zebra", "apple", "Äpfel", "éclair", "123", "apple pie", "Apple",
                                    "zebra", "_under", "~tilde", "a", "b", "ab"]}
    tied_words["b"] = n - 1500 * 12
    columns = {
        "rounded": np.round(rng.normal(0.0, 1.0, n), 1),
        "zipf_int": np.minimum(rng.zipf(1.6, n), 50),
        "level": shuffled(level_counts, rng),
        "tied_number": shuffled(tied_numbers, rng),
        "tied_word": shuffled(tied_words, rng),
        "uniform": rng.random(n),
        "sparse": with_nulls(rng.integers(0, 3, n), rng.random(n) < 0.9, nulls),
    }
    write("ties.csv", list(columns), list(columns.values()))


def single_row() -> None:
    write("single_row.csv", ["id", "x", "flag", "name", "when", "missing"],
          [[7], [2.5], [False], ["solo"], ["2024-02-29T12:00:00"], [""]])


def crlf_quoted(rng: np.random.Generator) -> None:
    n = 300
    cities = np.array(["Portland, OR", "Austin, TX", "Zürich", "São Paulo", "New York, NY"])
    notes = []
    for i in range(n):
        note = sentence(rng)
        if i % 7 == 0:
            note += ",\nsecond line"
        if i % 11 == 0:
            note = 'she said "hi", then left'
        notes.append(note)
    values = np.round(rng.normal(10.0, 3.0, n), 3)
    columns = {
        "id": list(range(1, n + 1)),
        "city": cities[rng.integers(0, len(cities), n)],
        "note": notes,
        "value": values,
        "qty": rng.integers(-50, 50, n),
    }
    # Every 5th value quoted although it is a plain number: quoting does not change the type (RFC 4180).
    columns["value"] = [Quoted(fmt(v)) if i % 5 == 0 else fmt(v) for i, v in enumerate(values)]
    write("crlf_quoted.csv", list(columns), list(columns.values()), line_end="\r\n")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    mixed(np.random.default_rng(20240101))
    extremes(np.random.default_rng(20240102))
    ties(np.random.default_rng(20240103))
    single_row()
    crlf_quoted(np.random.default_rng(20240105))


if __name__ == "__main__":
    main()
