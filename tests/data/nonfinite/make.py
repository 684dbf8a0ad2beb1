# Writes reference.csv and current.csv: inputs for the JSON-convention CLI
# test, with infinities, a missing (NaN) float, a constant column and a
# constant target-like column. Deterministic; run from this folder.
import csv, math, random

def write(path, seed, shift):
    rng = random.Random(seed)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "x", "constant", "cat", "y", "score", "pred"])
        for i in range(60):
            x = rng.gauss(shift, 1.0)
            cell = f"{x:.6f}"
            if i == 3: cell = "inf"
            if i == 7: cell = "-inf"
            if i == 11: cell = "nan"
            y = 1 if rng.random() < 0.4 else 0
            score = min(max(0.3 * y + 0.7 * rng.random(), 0.0), 1.0)
            w.writerow([i + 1, cell, "5.0", "abc"[i % 3], y, f"{score:.6f}", int(score >= 0.5)])

write("reference.csv", 1, 0.0)
write("current.csv", 2, 0.5)
