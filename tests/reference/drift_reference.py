#!/usr/bin/python3
"""Golden values for assay's drift engine (src/drift), from scipy 1.10.

Writes tests/reference/drift_reference.json, read by tests/drift/*_test.cpp
(relative tolerance 1e-12 where the computation is deterministic;
looser where scipy itself is the noisy side, see tests/drift/reference.hpp). Run with Debian's python3 (scipy 1.10.1):

  /usr/bin/python3 tests/reference/drift_reference.py

Small inputs are stored literally. Large inputs are stored as a generator
that C++ reproduces bit for bit: value i (0-based) of
{"gen": "frac", "n": N, "mult": m, "offset": o, "scale": s, "shift": t, "round": r}
is fmod((i + 1) * m + o, 1.0) * s + t, rounded to r decimals when r >= 0
(Python round-half-even on the double, as C++ nearbyint(x * 10^r) / 10^r).
"""
import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
import scipy.special
import scipy.stats as st
from scipy.spatial.distance import jensenshannon
from statsmodels.stats.proportion import proportions_ztest

HERE = os.path.dirname(os.path.abspath(__file__))
BINS = 10
EPSILON = 1e-4


def gen(spec):
    out = np.empty(spec["n"])
    for i in range(spec["n"]):
        x = math.fmod((i + 1) * spec["mult"] + spec["offset"], 1.0) * spec["scale"] + spec["shift"]
        if spec.get("round", -1) >= 0:
            p = 10.0 ** spec["round"]
            x = float(np.rint(x * p)) / p
        out[i] = x
    return out


def frac(n, mult, offset=0.0, scale=1.0, shift=0.0, rnd=-1):
    return {"gen": "frac", "n": n, "mult": mult, "offset": offset, "scale": scale, "shift": shift, "round": rnd}


def values(v):
    return gen(v) if isinstance(v, dict) else np.asarray(v, dtype=float)


def rng_list(seed, n, loc=0.0, scale=1.0, decimals=None):
    x = np.random.default_rng(seed).normal(loc, scale, n)
    if decimals is not None:
        x = np.round(x, decimals)
    return [float(v) for v in x]


PHI = 0.6180339887498949
SQ2 = 0.41421356237309515
SQ3 = 0.7320508075688772

NUMERIC_PAIRS = {
    "one_each": ([1.0], [2.0]),
    "one_vs_three": ([0.5], [0.1, 0.2, 0.3]),
    "identical_pair": ([1.0, 2.0], [1.0, 2.0]),
    "ties": ([1, 1, 2, 2, 3], [1, 2, 2, 3, 3, 3]),
    "heavy_ties": ([0, 0, 0, 0, 1, 1, 2, 0, 0, 3], [0, 1, 1, 1, 2, 2, 2, 3, 3, 0, 0, 4]),
    "disjoint": ([1, 2, 3, 4], [10, 11, 12, 13, 14]),
    "small_equal_n": (rng_list(1, 8), rng_list(2, 8, 0.8)),
    "small_unequal": (rng_list(3, 7), rng_list(4, 13, 0.5)),
    "exact_limit_cvm": (rng_list(5, 20, 0, 1, 1), rng_list(6, 20, 0.3, 1, 1)),
    "equal_50": (rng_list(7, 50), rng_list(8, 50, 0.4)),
    "unequal_37_53": (rng_list(9, 37), rng_list(10, 53, 0.2)),
    "same_dist_120_80": (rng_list(11, 120), rng_list(12, 80)),
    "rounded_ties_300_450": (rng_list(13, 300, 0, 1, 1), rng_list(14, 450, 0.1, 1, 1)),
    "gen_equal_2000": (frac(2000, PHI), frac(2000, SQ2, 0.0, 1.0, 0.02)),
    "gen_exact_10000_9000": (frac(10000, PHI), frac(9000, SQ3, 0.1, 1.0, 0.01)),
    "gen_asymp_10001_12000": (frac(10001, PHI), frac(12000, SQ2, 0.3, 1.0, 0.0)),
    "gen_asymp_10001_12000_shift": (frac(10001, PHI), frac(12000, SQ2, 0.3, 1.0, 0.03)),
    "gen_asymp_200k_300k": (frac(200000, PHI, 0.0, 1.0, 0.0, 4), frac(300000, SQ2, 0.5, 1.0, 0.0, 4)),
    "gen_asymp_1m_1m_shift": (frac(1000000, PHI), frac(1000000, SQ3, 0.2, 1.0, 0.003)),
    "gen_cvm_1000_1200": (frac(1000, PHI, 0.0, 10.0, 0.0, 1), frac(1200, SQ2, 0.0, 10.0, 0.3, 1)),
}


def numeric_case(name, a_spec, b_spec):
    a, b = values(a_spec), values(b_spec)
    out = {"name": name, "a": a_spec if isinstance(a_spec, dict) else list(map(float, a_spec)),
           "b": b_spec if isinstance(b_spec, dict) else list(map(float, b_spec))}
    ks = st.ks_2samp(a, b)
    out["ks"] = {"statistic": float(ks.statistic), "p_value": float(ks.pvalue),
                 "exact": max(len(a), len(b)) <= 10000}
    out["wasserstein"] = float(st.wasserstein_distance(a, b))
    out["energy"] = float(st.energy_distance(a, b))
    if len(np.unique(np.concatenate([a, b]))) >= 2 and len(a) + len(b) >= 4:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            ad = st.anderson_ksamp([a, b])
        out["anderson"] = {"statistic": float(ad.statistic), "p_value": float(ad.pvalue),
                           "capped": any("capped" in str(x.message) or "floored" in str(x.message) for x in w)}
    if len(a) >= 2 and len(b) >= 2:
        cvm = st.cramervonmises_2samp(a, b)
        out["cvm"] = {"statistic": float(cvm.statistic), "p_value": float(cvm.pvalue),
                      "exact": max(len(a), len(b)) <= 20}
    return out


def kstwo_grid():
    ns = [1, 2, 3, 5, 10, 25, 50, 100, 140, 141, 200, 500, 1000, 5000, 20000, 100000, 100001, 250000, 500000]
    rows = []
    for n in ns:
        ds = sorted(set([0.3 / n, 0.5 / n, 0.75 / n, 1.0 / n, 1.5 / n, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.7,
                         0.95, 1 - 1.5 / n, 0.5 / math.sqrt(n), 0.8 / math.sqrt(n), 1.0 / math.sqrt(n),
                         1.3 / math.sqrt(n), 1.6 / math.sqrt(n), 2.5 / math.sqrt(n), 4 / math.sqrt(n)]))
        for d in ds:
            if 0 < d < 1:
                rows.append({"n": n, "d": d, "sf": float(st.kstwo.sf(d, n))})
    return rows


def smirnov_grid():
    rows = []
    for n in [1, 2, 5, 10, 11, 50, 100, 1000, 10000, 100000, 999999, 1000001]:
        for d in [1e-4, 0.5 / n, 1.0 / n, 2.0 / n, 0.01, 0.05, 0.1, 0.25, 0.5, 0.9, 1 - 1.0 / n, 1 - 0.5 / n,
                  0.3 / math.sqrt(n), 1 / math.sqrt(n), 2 / math.sqrt(n)]:
            if 0 <= d <= 1:
                rows.append({"n": n, "d": d, "sf": float(scipy.special.smirnov(n, d))})
    return rows


def cvm_limit_grid():
    from scipy.stats._hypotests import _cdf_cvm_inf
    return [{"x": x, "sf": float(max(0.0, 1.0 - _cdf_cvm_inf(x)))} for x in
            [0.003, 0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.461, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]]


def contingency_cases():
    tables = [
        [[10, 20, 30], [15, 25, 5]],
        [[5, 0, 7], [3, 4, 0]],
        [[100, 1], [90, 11]],
        [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]],
        [[400, 300, 200, 100], [410, 290, 210, 90]],
        [[12], [30]],
    ]
    out = []
    for t in tables:
        if len(t[0]) == 1:
            stat, p, dof = 0.0, 1.0, 0
        else:
            stat, p, dof, _ = st.chi2_contingency(np.array(t), correction=False)
        out.append({"reference": t[0], "current": t[1], "statistic": float(stat), "p_value": float(p), "dof": int(dof)})
    return out


def fisher_cases():
    tables = [[[1, 9], [11, 3]], [[0, 5], [5, 0]], [[3, 1], [1, 3]], [[100, 200], [150, 120]], [[5, 5], [5, 5]],
              [[0, 0], [1, 2]], [[7, 0], [2, 9]], [[2, 30], [9, 25]], [[500, 480], [520, 430]], [[1, 0], [0, 1]]]
    out = []
    for t in tables:
        r = st.fisher_exact(t)
        stat = float(r[0])
        out.append({"table": t, "statistic": stat if math.isfinite(stat) else None,
                    "statistic_kind": "finite" if math.isfinite(stat) else ("nan" if math.isnan(stat) else "inf"),
                    "p_value": float(r[1])})
    return out


def ztest(h1, n1, h2, n2):
    """Two-proportion z-test with the pooled variance: statsmodels' proportions_ztest."""
    z, p = proportions_ztest([h1, h2], [n1, n2])
    return float(z), float(p)


def ztest_cases():
    out = []
    for h1, n1, h2, n2 in [(30, 100, 45, 100), (500, 1000, 510, 1000), (3, 40, 12, 60), (900, 1000, 100, 200)]:
        z, p = ztest(h1, n1, h2, n2)
        out.append({"ref_hits": h1, "ref_total": n1, "cur_hits": h2, "cur_total": n2, "statistic": z, "p_value": p})
    return out


def smooth(counts):
    p = np.asarray(counts, dtype=float) / np.sum(counts)
    p[p == 0] = EPSILON
    return p


def binned(ref_counts, cur_counts):
    r, c = np.asarray(ref_counts, float), np.asarray(cur_counts, float)
    pr, pc = r / r.sum(), c / c.sum()
    sr, sc = smooth(r), smooth(c)
    return {"psi": float(np.sum((sr - sc) * np.log(sr / sc))),
            "kl": float(st.entropy(sr, sc)),
            "js": float(jensenshannon(r, c)),
            "hellinger": float(np.sqrt(0.5 * np.sum((np.sqrt(pr) - np.sqrt(pc)) ** 2))),
            "tvd": float(0.5 * np.sum(np.abs(pr - pc)))}


def divergence_cases():
    vecs = [([10, 20, 30, 40], [40, 30, 20, 10]), ([1, 0, 3], [0, 2, 3]), ([5, 5], [5, 5]),
            ([0.1, 0.2, 0.7], [0.3, 0.3, 0.4]), ([1000, 1, 0, 0], [900, 50, 25, 25])]
    out = []
    for p, q in vecs:
        out.append({"p": p, "q": q, **binned(p, q)})
    return out


def make_bins(ref_sorted, bins):
    """The project's binning rule (stats/quantile_bins.hpp), written with numpy:
    at most `bins` distinct reference values -> one bin per value plus one for
    every other value; else inner edges at np.quantile(i / bins), deduplicated,
    edges at the maximum dropped, right-closed bins between min and max, and a
    bin each for values below the minimum and above the maximum."""
    distinct = np.unique(ref_sorted)
    if len(distinct) <= bins:
        return {"by_value": True, "values": distinct}
    edges = []
    for i in range(1, bins):
        q = float(np.quantile(ref_sorted, i / bins))
        if q < ref_sorted[-1] and (not edges or q > edges[-1]):
            edges.append(q)
    return {"by_value": False, "edges": edges, "low": float(ref_sorted[0]), "high": float(ref_sorted[-1])}


def bin_counts(x, b):
    x = np.asarray(x, dtype=float)
    if b["by_value"]:
        counts = [float(np.sum(x == v)) for v in b["values"]]
        return np.array(counts + [float(len(x) - sum(counts))])
    inside = x[(x >= b["low"]) & (x <= b["high"])]
    idx = np.searchsorted(np.asarray(b["edges"]), inside, side="left")
    counts = np.bincount(idx, minlength=len(b["edges"]) + 1).astype(float)
    return np.concatenate([counts, [float(np.sum(x < b["low"])), float(np.sum(x > b["high"]))]])


def json_number(v):
    """None for null; non-finite values as strings (JSON has no inf/nan)."""
    if v is None or math.isfinite(v):
        return v
    return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")


def numeric_column_case(name, ref, cur):
    """Full column pipeline: nulls dropped, every numeric method."""
    # Non-finite values are left out of every statistic (and counted).
    r = np.array([v for v in ref if v is not None and math.isfinite(v)], dtype=float)
    c = np.array([v for v in cur if v is not None and math.isfinite(v)], dtype=float)
    rs = np.sort(r)
    bins = make_bins(rs, BINS)
    out = {"name": name, "kind": "float64", "reference": [json_number(v) for v in ref],
           "current": [json_number(v) for v in cur],
           "reference_nulls": sum(v is None for v in ref), "current_nulls": sum(v is None for v in cur),
           "reference_non_finite": sum(v is not None and not math.isfinite(v) for v in ref),
           "current_non_finite": sum(v is not None and not math.isfinite(v) for v in cur)}
    res = {}
    ks = st.ks_2samp(r, c)
    res["ks"] = {"statistic": float(ks.statistic), "p_value": float(ks.pvalue)}
    wd = float(st.wasserstein_distance(r, c))
    res["wasserstein"] = {"statistic": wd / max(float(np.std(r)), 0.001), "raw": wd}
    res["energy"] = {"statistic": float(st.energy_distance(r, c))}
    if len(np.unique(np.concatenate([r, c]))) >= 2:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ad = st.anderson_ksamp([r, c])
        res["anderson"] = {"statistic": float(ad.statistic), "p_value": float(ad.pvalue)}
    else:
        res["anderson"] = {"statistic": None}
    cvm = st.cramervonmises_2samp(r, c)
    res["cvm"] = {"statistic": float(cvm.statistic), "p_value": float(cvm.pvalue)}
    pooled = np.unique(np.concatenate([r, c]))
    if len(pooled) <= 5:  # few distinct values: compared as categories
        b = binned([np.sum(r == v) for v in pooled], [np.sum(c == v) for v in pooled])
    else:
        b = binned(bin_counts(r, bins), bin_counts(c, bins))
    for k, v in b.items():
        res[k] = {"statistic": v}
    out["bins"] = {"by_value": bins["by_value"],
                   "points": [float(v) for v in (bins["values"] if bins["by_value"] else bins["edges"])]}
    out["expected"] = res
    return out


def categorical_column_case(name, ref, cur):
    """Categories aligned by name: reference order first, unseen after."""
    labels = []
    for v in ref + cur:
        if v is not None and v not in labels and v in ref:
            labels.append(v)
    ref_labels = [v for v in dict.fromkeys(x for x in ref if x is not None)]
    unseen = [v for v in dict.fromkeys(x for x in cur if x is not None) if v not in ref_labels]
    labels = ref_labels + unseen
    rc = np.array([sum(1 for x in ref if x == l) for l in labels], float)
    cc = np.array([sum(1 for x in cur if x == l) for l in labels], float)
    res = {}
    if len(labels) > 1:
        stat, p, dof, _ = st.chi2_contingency(np.array([rc, cc]), correction=False)
        res["chi2"] = {"statistic": float(stat), "p_value": float(p)}
    else:
        res["chi2"] = {"statistic": 0.0, "p_value": 1.0}
    if len(labels) == 2:
        z, p = ztest(rc[0], rc.sum(), cc[0], cc.sum())
        res["ztest"] = {"statistic": z, "p_value": p}
        f = st.fisher_exact([[int(rc[0]), int(rc[1])], [int(cc[0]), int(cc[1])]])
        res["fisher"] = {"statistic": float(f[0]) if math.isfinite(f[0]) else None, "p_value": float(f[1])}
    for k, v in binned(rc, cc).items():
        res[k] = {"statistic": v}
    return {"name": name, "kind": "categorical", "reference": ref, "current": cur, "labels": labels,
            "unseen_categories": len(unseen), "unseen_rows": int(sum(1 for x in cur if x in unseen)),
            "expected": res}


def column_cases():
    rng = np.random.default_rng(42)
    num_ref = [float(v) for v in np.round(rng.normal(10, 2, 60), 2)]
    num_cur = [float(v) for v in np.round(rng.normal(11, 2.5, 45), 2)]
    for i in (3, 17, 30):
        num_ref[i] = None
    for i in (0, 44):
        num_cur[i] = None
    ties_ref = [float(v) for v in rng.integers(0, 9, 80)]
    ties_cur = [float(v) for v in rng.integers(1, 10, 70)]
    skew_ref = [float(v) for v in np.round(rng.exponential(1.0, 200), 3)]
    skew_cur = [float(v) for v in np.round(rng.exponential(1.3, 150), 3)] + [None] * 5
    cats = ["a", "b", "c", "d"]
    cat_ref = [cats[i] for i in rng.choice(4, 120, p=[0.4, 0.3, 0.2, 0.1])] + [None] * 4
    cat_cur = [cats[i] for i in rng.choice(4, 90, p=[0.25, 0.25, 0.25, 0.25])] + ["e"] * 6 + ["f"] * 2 + [None]
    bin_ref = ["yes"] * 30 + ["no"] * 50
    bin_cur = ["yes"] * 45 + ["no"] * 35 + [None] * 3
    sparse_ref = ["yes"] * 2 + ["no"] * 18
    sparse_cur = ["yes"] * 9 + ["no"] * 11
    return [
        numeric_column_case("numeric_with_nulls", num_ref, num_cur),
        numeric_column_case("numeric_many_ties", ties_ref, ties_cur),
        numeric_column_case("numeric_skewed", skew_ref, skew_cur),
        numeric_column_case("numeric_constant_same", [5.0] * 10, [5.0] * 8 + [None]),
        numeric_column_case("numeric_constant_moved", [5.0] * 10, [6.0] * 8),
        # Non-finite cells: left out of the statistics, counted on each side.
        numeric_column_case("numeric_inf_in_reference", [float("inf")] + list(num_ref[4:40]),
                            [v + 10.0 if v is not None else None for v in num_cur]),
        numeric_column_case("numeric_non_finite_both", list(skew_ref[:60]) + [float("-inf"), float("nan")],
                            list(skew_cur[:40]) + [float("inf")] * 3),
        # Constant and few-valued references: binned methods compare by value.
        numeric_column_case("numeric_constant_reference_spread", [5.0] * 40,
                            [float(v) for v in np.round(rng.normal(5, 1, 30), 2)]),
        numeric_column_case("numeric_three_valued_reference", [1.0, 2.0, 3.0] * 15,
                            [float(v) for v in np.round(rng.uniform(0, 4, 40), 1)]),
        # Current values beyond the reference range: their own outer bins.
        numeric_column_case("numeric_beyond_reference_range", [float(v) for v in np.round(rng.uniform(0, 1, 80), 3)],
                            [float(v) for v in np.round(rng.uniform(-0.5, 1.5, 70), 3)]),
        categorical_column_case("categorical_unseen", cat_ref, cat_cur),
        categorical_column_case("binary", bin_ref, bin_cur),
        categorical_column_case("binary_sparse", sparse_ref, sparse_cur),
        categorical_column_case("single_category", ["x"] * 10, ["x"] * 7),
    ]


def write_reference(doc, name):
    """Writes a golden document beside the scripts."""
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {path}", file=sys.stderr)


def main():
    doc = {
        "generator": "tests/reference/drift_reference.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "bins": BINS,
        "epsilon": EPSILON,
        "numeric": [numeric_case(k, a, b) for k, (a, b) in NUMERIC_PAIRS.items()],
        "kstwo_sf": kstwo_grid(),
        "smirnov_sf": smirnov_grid(),
        "cvm_limit_sf": cvm_limit_grid(),
        "chi2": contingency_cases(),
        "fisher": fisher_cases(),
        "ztest": ztest_cases(),
        "divergences": divergence_cases(),
        "columns": column_cases(),
    }
    write_reference(doc, "drift_reference.json")


if __name__ == "__main__":
    main()
