#!/usr/bin/python3
"""Throughput of `assay pii` on text columns, in MB of CSV per second.

    /usr/bin/python3 bench/pii_throughput.py [--mb 1024] [--runs 3] [--file bench/data/pii_1g.csv]
    ASSAY=build/release/src/assay /usr/bin/python3 bench/pii_throughput.py

Generates (once, if missing) a CSV of about --mb megabytes with five text
columns shaped like customer-support data: an id, a name, an email, a street
address and free-text notes in which one cell in eight carries a phone
number, a card number, an IBAN, an IP address or a key. Every cell is
distinct (the row number is part of it), so each is scanned: none is read as
a categorical column whose distinct values would be scanned once.

Then runs `assay --format json pii --data FILE` --runs times on the cached
file and prints the best wall-clock time and the MB/s it gives (file bytes /
wall time: reading, scanning and the report together), with the scan's own
elapsed time and bytes scanned from the JSON. Standard library only.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FIRST = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "Ada", "Alan", "Grace",
         "Yuki", "Priya", "Olga", "Ahmed", "Fatima", "Noah", "Emma", "Lukas", "Sofia"]
LAST = ["Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Mueller", "Rossi", "Dubois", "Nguyen", "Tanaka",
        "Kim", "Singh", "Lovelace", "Turing", "Hopper"]
STREETS = ["Main Street", "Oak Avenue", "Maple Road", "Cedar Lane", "Park Drive", "Hill Court", "Lake Way"]
PROSE = ["customer asked about the invoice and the delivery date of the last order",
         "refund processed after the second complaint, escalated to tier two support",
         "the package arrived damaged; photos attached to the ticket, replacement sent",
         "wants to change the billing plan from monthly to yearly before the renewal",
         "could not log in after the password reset, cleared cookies and it worked"]
# {n}: 4 digits from the row number; {b}: a byte.
PII = ["call back on +44 20 7946 {n}", "card on file 4111 1111 1111 1111 ref {n}",
       "IBAN DE89 3704 0044 0532 0130 00 row {n}", "login from 192.0.2.{b} flagged",
       "leaked key AKIAIOSFODNN{n}XMPL rotated", "phone (555) 123-{n}"]


def generate(path, megabytes):
    rng = random.Random(7)
    target = megabytes * 1_000_000
    os.makedirs(os.path.dirname(path), exist_ok=True)
    written = 0
    row = 0
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        out.write("id,name,email,address,notes\n")
        while written < target:
            lines = []
            for _ in range(10000):
                first, last = rng.choice(FIRST), rng.choice(LAST)
                note = f"{rng.choice(PROSE)} (ticket {row})"
                if row % 8 == 0:
                    note += "; " + rng.choice(PII).format(n=f"{row % 10000:04d}", b=row % 250)
                lines.append(f"{row},{first} {last},{first.lower()}.{last.lower()}{row}@example.com,"
                             f"{rng.randint(1, 9999)} {rng.choice(STREETS)},\"{note}\"\n")
                row += 1
            text = "".join(lines)
            out.write(text)
            written += len(text.encode("utf-8"))
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", default=os.path.join(ROOT, "bench", "data", "pii_1g.csv"))
    args = parser.parse_args()
    assay = os.environ.get("ASSAY", os.path.join(ROOT, "build", "release", "src", "assay"))
    if not os.path.exists(args.file):
        print(f"generating {args.file} ({args.mb} MB) ...", file=sys.stderr)
        generate(args.file, args.mb)
    size = os.path.getsize(args.file)
    with open(args.file, "rb") as f:  # into the page cache
        while f.read(1 << 24):
            pass
    best, doc = None, None
    for _ in range(args.runs):
        start = time.perf_counter()
        done = subprocess.run([assay, "--quiet", "--format", "json", "pii", "--data", args.file],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"assay failed ({done.returncode}): {done.stderr}")
        if best is None or seconds < best:
            best, doc = seconds, json.loads(done.stdout)
    print(f"file: {args.file}, {size / 1e6:.0f} MB, {doc['rows_scanned']} rows, {len(doc['columns_scanned'])} columns")
    print(f"assay pii, best of {args.runs}: {best:.2f} s wall, {size / 1e6 / best:.0f} MB/s of CSV "
          f"({doc['bytes_scanned'] / 1e6:.0f} MB of cell text scanned, {doc['summary']['fail']} columns x detectors found)")


if __name__ == "__main__":
    main()
