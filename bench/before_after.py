#!/usr/bin/python3
"""Two assay binaries on the same workloads, in one run: did a change slow
the output down?

    bench/before_after.py --before OLD/build/release/src/assay \\
                          --after build/release/src/assay [--repeat 5]

The workloads are those of the side-by-side scripts, on their data files
(generated under bench/data if missing):
  profile   bench/profile_vs_pandas.sh: `assay profile` of 1,000,000 x 20
  metrics   bench/metrics_vs_sklearn.py: `assay metrics` of 10,000,000 binary
            rows, without intervals and with the default 1,000 resamples
  drift     bench/drift_vs_scipy.py: `assay drift` of two 1,000,000 x 20 files

Runs alternate between the two binaries (before, after, before, after, ...)
so that both see the same machine load; the table gives the best wall time
of each and the ratio after / before (below 1: the change is faster).
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
sys.path.insert(0, HERE)

import metrics_vs_sklearn  # noqa: E402  (its data generator)


def ensure(path, command):
    if not os.path.exists(path):
        print(f"generating {path} ...", file=sys.stderr)
        subprocess.run(command, check=True)


def workloads():
    os.makedirs(DATA, exist_ok=True)
    make = [sys.executable, os.path.join(HERE, "make_data.py"), "--rows", "1000000"]
    ref = os.path.join(DATA, "ref_1m.csv")
    cur = os.path.join(DATA, "cur_1m_shift5.csv")
    ensure(ref, make + ["--seed", "1", "--out", ref])
    ensure(cur, make + ["--seed", "2", "--shift", "5", "--out", cur])
    _, _, scored = metrics_vs_sklearn.make(10_000_000, 1, os.path.join(DATA, "metrics_10000000"))
    metrics = ["metrics", "--data", scored, "--task", "binary", "--target", "label", "--score", "proba"]
    return [
        ("profile 1M x 20", ["profile", ref]),
        ("metrics 10M, no intervals", metrics + ["--bootstrap", "0"]),
        ("metrics 10M, 1,000 resamples", metrics),
        ("drift 1M x 20 vs 1M x 20", ["drift", "--reference", ref, "--current", cur]),
    ]


def timed(binary, args):
    start = time.perf_counter()
    done = subprocess.run([binary, "-q", "--format", "json", *args], capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{binary} {' '.join(args)} exited {done.returncode}: {done.stderr.decode().strip()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    cases = workloads()
    print(f"load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})", file=sys.stderr)
    print("| workload | before (s) | after (s) | after / before |")
    print("|---|---:|---:|---:|")
    for name, command in cases:
        for binary in (args.before, args.after):  # warm the page cache and both binaries
            timed(binary, command)
        best = {args.before: float("inf"), args.after: float("inf")}
        for _ in range(args.repeat):
            for binary in (args.before, args.after):
                best[binary] = min(best[binary], timed(binary, command))
        before, after = best[args.before], best[args.after]
        print(f"| {name} | {before:.3f} | {after:.3f} | {after / before:.2f} |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
