#!/usr/bin/python3
"""Writes tests/reference/pii_corpus.csv.gz: a labelled corpus of strings for
the PII scanner's precision and recall test (tests/security/corpus_test.cpp).

Each row is `text,label`: the label is the one detector that must find
something in the text (email, phone, credit_card, iban, ssn, ipv4, ipv6,
api_key, private_key, secret, street_address), or `none` for look-alikes that
no detector may report: cards and IBANs with bad check digits, SSNs in
ranges the SSA never issues, version numbers ("version 1.2.3.4", "v1.2.3.4"),
order numbers, ISBNs, dates, times, MAC addresses, UUIDs, hashes, prices,
identifiers, file names like icon@2x.png. Values are synthetic (reserved
example domains, 555 numbers, documentation IP ranges where they exist, keys
from a seeded generator): nothing in the corpus is anyone's data.

Deterministic: the same seed writes the same file. Standard library only.
Run: /usr/bin/python3 tests/reference/pii_corpus.py
"""

import csv
import gzip
import io
import os
import random
import string

SEED = 20240613
rng = random.Random(SEED)

FIRST = ["james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "william", "elizabeth",
         "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "chris", "karen",
         "anna", "lukas", "sofia", "mateo", "yuki", "chen", "priya", "olga", "ahmed", "fatima", "noah", "emma"]
LAST = ["smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "mueller", "schmidt", "rossi", "dubois", "kowalski", "nguyen", "tanaka", "kim", "singh", "oconnor"]
DOMAINS = ["example.com", "example.org", "example.net", "mail.example.co.uk", "corp.example.de", "test.example.io",
           "uni-example.edu", "example.fr", "sub.domain.example.com", "example-mail.info"]
CONTEXTS = ["{}", "{}", "Contact: {}", "please reach out at {} for details", "({})", "Customer said: call {} tomorrow",
            "ref {} noted", "{}.", "value={}", "sent to {}, then closed"]
WORDS = ("the quarterly report shows revenue growth across all segments while costs remained stable and "
         "the team plans to ship the new model next sprint after validation on holdout data").split()


def ctx(value):
    return rng.choice(CONTEXTS).format(value)


def digits(n, first=None):
    s = "".join(rng.choice(string.digits) for _ in range(n))
    return (first + s[1:]) if first else s


# --- emails -----------------------------------------------------------------
def email():
    f, l = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice([f"{f}.{l}", f"{f}{l[0]}", f"{f[0]}{l}", f"{f}_{l}{rng.randint(1, 99)}", f"{f}+news",
                        f"{f}.{l}+{rng.choice(['a', 'shop', 'x1'])}", f"{l}{rng.randint(1950, 2005)}"])
    if rng.random() < 0.1:
        local = local.capitalize()
    return f"{local}@{rng.choice(DOMAINS)}"


# --- phones (12 formats) ------------------------------------------------------
def phone():
    a, b = str(rng.randint(201, 989)), digits(3, rng.choice("23456789"))
    c = digits(4)
    fmt = rng.randrange(16)
    if fmt == 0:
        return f"+1{a}{b}{c}"                                    # E.164
    if fmt == 1:
        return f"+44 20 {digits(4)} {digits(4)}"                 # UK international
    if fmt == 2:
        return f"({a}) {b}-{c}"                                  # US
    if fmt == 3:
        return f"{a}.{b}.{c}"                                    # US dots
    if fmt == 4:
        return f"00{rng.choice(['49', '33', '39', '34'])} {digits(2, '3')} {digits(7)}"  # 00 prefix
    if fmt == 5:
        return f"+1 ({a}) {b}-{c}"                               # US with country code
    if fmt == 6:
        return f"1-800-{b}-{c}"                                  # toll free
    if fmt == 7:
        return f"020 {digits(4)} {digits(4)}"                    # UK national
    if fmt == 8:
        return "0" + rng.choice("1234567") + "".join(f" {digits(2)}" for _ in range(4))  # French national
    if fmt == 9:
        return "+33 " + rng.choice("1234567") + "".join(f" {digits(2)}" for _ in range(4))  # French international
    if fmt == 10:
        return f"+49 (0)30 {digits(7)}"                          # German international with trunk
    if fmt == 11:
        return f"+91 {digits(5, '9')} {digits(5)}"               # Indian mobile
    if fmt == 12:
        return f"+7 495 {digits(3)}-{digits(2)}-{digits(2)}"     # Russian
    if fmt == 13:
        return f"+81 3-{digits(4)}-{digits(4)}"                  # Japanese
    if fmt == 14:
        return f"+1.{a}.{b}.{c}"                                 # dotted international
    return f"(020) {digits(4)} {digits(4)}"                      # UK with area code in brackets


# --- cards --------------------------------------------------------------------
def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card_number(valid=True):
    prefix, length = rng.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15),
                                 ("6011", 16), ("65", 16), ("3530", 16), ("36", 14), ("62", 16), ("4", 19)])
    body = prefix + digits(length - len(prefix) - 1)
    check = luhn_digit(body)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    return body + check


def group_card(number):
    sep = rng.choice([" ", "-", ""])
    if len(number) == 15:
        return sep.join([number[:4], number[4:10], number[10:]])
    if len(number) == 14:
        return sep.join([number[:4], number[4:10], number[10:]])
    return sep.join(number[i:i + 4] for i in range(0, len(number), 4))


# --- IBANs --------------------------------------------------------------------
IBAN_BBAN = {"DE": "n18", "GB": "a4n14", "FR": "n10c11n2", "NL": "a4n10", "ES": "n20", "IT": "a1n10c12",
             "BE": "n12", "CH": "n5c12", "AT": "n16", "PL": "n24", "NO": "n11", "SE": "n20"}


def bban(spec):
    out, i = "", 0
    while i < len(spec):
        kind = spec[i]
        j = i + 1
        while j < len(spec) and spec[j].isdigit():
            j += 1
        n = int(spec[i + 1:j])
        alphabet = {"n": string.digits, "a": string.ascii_uppercase, "c": string.ascii_uppercase + string.digits}[kind]
        out += "".join(rng.choice(alphabet) for _ in range(n))
        i = j
    return out


def iban_check(country, body):
    rearranged = body + country + "00"
    number = int("".join(str(int(ch, 36)) for ch in rearranged))
    return f"{98 - number % 97:02d}"


def iban(valid=True):
    country = rng.choice(sorted(IBAN_BBAN))
    body = bban(IBAN_BBAN[country])
    check = iban_check(country, body)
    if not valid:
        check = f"{(int(check) + rng.randint(1, 90)) % 97 + 2:02d}"
        if check == iban_check(country, body):
            check = f"{(int(check) + 1) % 97 + 2:02d}"
    compact = country + check + body
    if rng.random() < 0.5:
        return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
    return compact


# --- SSNs ---------------------------------------------------------------------
def ssn(valid=True):
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    if not valid:
        which = rng.randrange(5)
        area = [0, 666, rng.randint(900, 999), area, area][which]
        group = 0 if which == 3 else group
        serial = 0 if which == 4 else serial
    sep = "-" if rng.random() < 0.85 else " "
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


# --- IPs ----------------------------------------------------------------------
def ipv4():
    return rng.choice([f"192.0.2.{rng.randint(0, 255)}", f"198.51.100.{rng.randint(1, 254)}",
                       f"203.0.113.{rng.randint(1, 254)}", f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                       f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"])


def hexgroup():
    return f"{rng.randint(0, 0xffff):x}"


def ipv6():
    kind = rng.randrange(5)
    if kind == 0:
        return ":".join(hexgroup() for _ in range(8))
    if kind == 1:
        return f"2001:db8::{hexgroup()}:{hexgroup()}"
    if kind == 2:
        return f"fe80::{hexgroup()}:{hexgroup()}:{hexgroup()}:{hexgroup()}"
    if kind == 3:
        return f"::ffff:192.0.2.{rng.randint(1, 254)}"
    return f"2001:db8:{hexgroup()}::{hexgroup()}".upper() if rng.random() < 0.5 else "::1"


# --- keys and secrets -----------------------------------------------------------
ALNUM = string.ascii_letters + string.digits


def rand(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def api_key():
    kind = rng.randrange(7)
    if kind == 0:
        return "AKIA" + rand(string.ascii_uppercase + string.digits, 16)
    if kind == 1:
        return "ghp_" + rand(ALNUM, 36)
    if kind == 2:
        return rng.choice(["xoxb-", "xoxp-"]) + f"{digits(11)}-{digits(12)}-{rand(ALNUM, 24)}"
    if kind == 3:
        return "sk_live_" + rand(ALNUM, 24)
    if kind == 4:
        return "AIza" + rand(ALNUM + "_-", 35)
    if kind == 5:
        return "SG." + rand(ALNUM + "_-", 22) + "." + rand(ALNUM + "_-", 43)
    return "glpat-" + rand(ALNUM + "_-", 20)


def private_key():
    kind = rng.choice(["RSA ", "EC ", "OPENSSH ", "", "ENCRYPTED "])
    body = "\n".join(rand(ALNUM + "+/", 64) for _ in range(rng.randint(2, 5)))
    return f"-----BEGIN {kind}PRIVATE KEY-----\n{body}\n-----END {kind}PRIVATE KEY-----"


def secret():
    token = rand(ALNUM, rng.randint(32, 48))
    return rng.choice(["token={}", "Authorization: Bearer {}", "{}", "secret: {}", "password {}"]).format(token)


# --- street addresses ---------------------------------------------------------
STREETS = ["Main", "Oak", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Pine", "Sunset", "Baker",
           "King George", "Victoria", "Church", "Mill", "High"]
SUFFIXES = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Drive", "Court", "Way",
            "Place", "Terrace", "Close"]
GERMAN = ["Haupt", "Bahnhof", "Linden", "Schiller", "Goethe", "Berg", "Garten", "Kirch"]


def street_address():
    if rng.random() < 0.2:
        return f"{rng.choice(GERMAN)}{rng.choice(['straße', 'strasse', 'weg', 'platz', 'allee'])} {rng.randint(1, 199)}"
    return f"{rng.randint(1, 9999)} {rng.choice(STREETS)} {rng.choice(SUFFIXES)}" + rng.choice(["", ", Springfield", " Apt 4"])


# --- look-alikes that must not match ------------------------------------------
def lookalike():
    kind = rng.randrange(30)
    if kind == 0:
        return group_card(card_number(valid=False))              # card with a bad Luhn digit
    if kind == 1:
        return bad_luhn_digits()                                  # random digits failing Luhn
    if kind == 2:
        return iban(valid=False)                                 # bad IBAN checksum
    if kind == 3:
        return ssn(valid=False)                                  # never-issued SSN
    if kind == 4:
        return f"version {rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 20)}.{rng.randint(0, 300)}"
    if kind == 5:
        return f"v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 20)}.{rng.randint(0, 99)}"
    if kind == 6:
        return f"ORD-{rng.randint(2015, 2025)}-{digits(6)}"      # order number
    if kind == 7:
        return f"ISBN 978-{rng.randint(0, 1)}-{digits(3)}-{digits(5)}-{rng.randint(0, 9)}"
    if kind == 8:
        y, m, d = rng.randint(1950, 2025), rng.randint(1, 12), rng.randint(1, 28)
        return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{m:02d}/{d:02d}/{y}", f"{y}{m:02d}{d:02d}"])
    if kind == 9:
        return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if kind == 10:
        return ":".join(f"{rng.randint(0, 255):02X}" for _ in range(6))  # MAC address
    if kind == 11:
        h = rand("0123456789abcdef", 32)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"  # UUID
    if kind == 12:
        return rand("0123456789abcdef", 40)                      # git commit
    if kind == 13:
        return f"${rng.randint(1, 999)},{digits(3)}.{digits(2)}"
    if kind == 14:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
    if kind == 15:
        return rng.choice(["icon@2x.png", "logo@3x.jpg", "user at example dot com", "@handle", "name@localhost",
                           "foo@bar", "a..b@example.com"])
    if kind == 16:
        return f"SKU-{digits(4)}-{digits(4)}"
    if kind == 17:
        return f"{rng.randint(1, 999)}.{rng.randint(256, 999)}.{rng.randint(0, 999)}.{rng.randint(0, 999)}"  # not an IP
    if kind == 18:
        return rng.choice(["getUserAccountBalanceForCustomer2", "test_feature_importance_regression_v2",
                           "ProcessPaymentTransactionHandler2024", "customer_lifetime_value_2023_Q4",
                           "TrainValidationSplitRatioConfig1", "XMLHttpRequestEventTargetHandler22",
                           "AbstractSingletonProxyFactoryBean3", "HttpClientConnectionManager2Factory"])
    if kind == 19:
        return f"/var/log/app/{rand(string.ascii_lowercase, 8)}/{digits(8)}.log"
    if kind == 20:
        return f"{rng.randint(10, 99)}.{rng.randint(0, 99)}% of {digits(5)} users"
    if kind == 21:
        return f"Invoice {digits(10)} due {rng.randint(1, 28)} days"  # a bare 10-digit number is no phone
    if kind == 22:
        return f"tracking {digits(22)}"                           # longer than any card
    if kind == 23:
        return f"lat {rng.uniform(-90, 90):.6f}, lon {rng.uniform(-180, 180):.6f}"
    if kind == 24:
        return f"Room {rng.randint(1, 999)} in Building {rng.choice('ABCDEF')}"
    if kind == 25:
        return f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} pm, {rng.randint(2, 40)} items"
    if kind == 26:
        return f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"
    if kind == 27:
        return f"Windows {rng.randint(6, 11)}.0.{rng.randint(10000, 22000)}.{rng.randint(1, 999)}"  # build number
    if kind == 28:
        return f"{rng.randint(1, 9)},{digits(3)},{digits(3)},{digits(3)} tokens"
    return f"Account {digits(4)} {digits(4)}, ext. {digits(4)}"


def bad_luhn_digits():
    """16 random digits (a card's issuer prefix) whose Luhn digit is wrong."""
    while True:
        s = rng.choice("3456") + digits(15)
        body = s[:-1]
        if luhn_digit(body) != s[-1]:
            return s


GENERATORS = [
    ("email", email, 2200), ("phone", phone, 2600), ("credit_card", lambda: group_card(card_number()), 1600),
    ("iban", iban, 1300), ("ssn", lambda: ssn(True), 1100), ("ipv4", ipv4, 1000), ("ipv6", ipv6, 800),
    ("api_key", api_key, 1000), ("private_key", private_key, 200), ("secret", secret, 800),
    ("street_address", street_address, 1000), ("none", lookalike, 8000),
]


def main():
    rows = []
    for label, make, count in GENERATORS:
        for _ in range(count):
            value = make()
            # Keys and private keys are mostly pasted alone; the rest appear in prose too.
            text = value if label in ("private_key", "secret", "none") else ctx(value)
            rows.append((text, label))
    rng.shuffle(rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["text", "label"])
    writer.writerows(rows)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii_corpus.csv.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(out.getvalue().encode("utf-8"))
    print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main()
