#!/usr/bin/env python3
"""Browser test of the HTML report: renders the example suite's report in
headless Chromium with the network cut off and checks, from the DOM that
Chromium dumps after running the page's scripts, that

  - every chart container holds a rendered <svg> or <canvas> (counted per
    section), and the page's script finished rendering all of them;
  - the page recorded no error (window.onerror, unhandled rejections and
    console.error write <body data-errors>);
  - the top states the verdict that matches the run's exit code, with the
    most important problems when the run fails.

It also writes a screenshot of the top of each page into the output folder.

usage: html_browser_test.py ASSAY_BINARY SOURCE_DIR OUTPUT_DIR
Exit 0 pass, 1 fail, 77 skipped (only when chromium is not installed).
"""

import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


class Dom(html.parser.HTMLParser):
    """Collects what the checks need: the chart containers and the graphics
    inside them, the attributes of <body> and of the verdict header, the
    headline text and the summary's problems."""

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, chart id or None)
        self.charts = {}  # id -> {"section", "graphics"}
        self.body = {}
        self.verdict = {}
        self.in_h1 = False
        self.h1 = ""
        self.problems = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        chart = None
        if tag == "div" and "chart" in (a.get("class") or "").split():
            chart = a.get("id")
            self.charts[chart] = {"section": a.get("data-section"), "graphics": 0}
        elif tag in ("svg", "canvas"):
            for _, owner in reversed(self.stack):
                if owner:
                    self.charts[owner]["graphics"] += 1
                    break
        if tag == "body":
            self.body = a
        if tag == "header" and "data-verdict" in a:
            self.verdict = a
        if tag == "h1":
            self.in_h1 = True
        if tag == "li" and "data-finding" in a:
            self.problems += 1
        if tag not in ("meta", "br", "img", "input", "link", "hr", "path", "rect", "line", "circle"):
            self.stack.append((tag, chart))

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data


def chromium_command(chromium, profile):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
            "--user-data-dir=" + profile, "--virtual-time-budget=5000"]


def check_page(name, page, code, chromium, work, out_dir, failures):
    def fail(message):
        failures.append(f"{name}: {message}")

    dom_run = subprocess.run(chromium_command(chromium, os.path.join(work, name + "-dom")) +
                             ["--dump-dom", "file://" + page], capture_output=True, text=True, timeout=180)
    if dom_run.returncode != 0 or "<body" not in dom_run.stdout:
        fail(f"chromium --dump-dom failed (exit {dom_run.returncode}): {dom_run.stderr[-2000:]}")
        return
    dom = Dom()
    dom.feed(dom_run.stdout)

    errors = dom.body.get("data-errors", None)
    if errors is None:
        fail("<body> has no data-errors attribute: the page's error hook did not run")
    elif errors.strip():
        fail("the page recorded errors: " + errors.strip())
    if not dom.charts:
        fail("no chart container in the page")
    per_section = {}
    for chart_id, chart in dom.charts.items():
        per_section.setdefault(chart["section"], []).append(chart["graphics"])
        if chart["graphics"] == 0:
            fail(f"chart {chart_id} (section {chart['section']}) has no rendered <svg> or <canvas>")
    done = dom.body.get("data-charts-done")
    if done != str(len(dom.charts)):
        fail(f"the page rendered {done} of {len(dom.charts)} charts")
    print(f"{name}: charts per section (svg/canvas elements in each): " +
          ", ".join(f"{section} {counts}" for section, counts in per_section.items()))

    verdict = dom.verdict.get("data-verdict")
    headline = " ".join(dom.h1.split())
    print(f"{name}: verdict {verdict}: {headline!r}, {dom.problems} problems in the summary")
    expected = {0: ("pass", "warn"), 1: ("fail", "error")}.get(code, ())
    if verdict not in expected:
        fail(f"verdict {verdict!r} does not match the run's exit code {code}")
    words = {"pass": "Ship", "warn": "Ship", "fail": "Do not ship", "error": "Could not finish"}
    if verdict in words and not headline.startswith(words[verdict]):
        fail(f"the headline {headline!r} does not start with {words[verdict]!r}")
    if code == 1 and dom.problems == 0:
        fail("a failed run lists no problem in the summary")

    shot = os.path.join(out_dir, name + "-top.png")
    if os.path.exists(shot):
        os.remove(shot)
    shot_run = subprocess.run(chromium_command(chromium, os.path.join(work, name + "-shot")) +
                              ["--hide-scrollbars", "--window-size=1280,1600", "--screenshot=" + shot,
                               "file://" + page], capture_output=True, text=True, timeout=180)
    if shot_run.returncode != 0 or not os.path.exists(shot) or os.path.getsize(shot) < 10000:
        fail(f"no screenshot written (exit {shot_run.returncode}): {shot_run.stderr[-2000:]}")
    else:
        print(f"{name}: screenshot of the top of the page: {shot}")


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    assay, source, out_dir = sys.argv[1:]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("SKIP: chromium is not installed (scripts/install-deps.sh installs Debian's chromium); "
              "the HTML report was not checked in a browser")
        return SKIP
    os.makedirs(out_dir, exist_ok=True)
    suite = os.path.join(source, "examples", "suite", "assay.yaml")
    failures = []
    with tempfile.TemporaryDirectory(prefix="assay-html-browser-") as work:
        # The example as shipped, and with two limits tightened so that it fails.
        runs = {"report": [], "report-fail": ["--set", "checks.0.min=0.8", "--set", "checks.4.max_share=0.1"]}
        for name, extra in runs.items():
            page = os.path.join(work, name + ".html")
            outputs = ["--set", f"outputs.html={page}", "--set", f"outputs.json={work}/{name}.json",
                       "--set", f"outputs.junit={work}/{name}.xml", "--set", f"outputs.markdown={work}/{name}.md"]
            run = subprocess.run([assay, "--quiet", "run", suite] + outputs + extra, capture_output=True, text=True,
                                 timeout=300)
            if run.returncode not in (0, 1) or not os.path.exists(page):
                failures.append(f"{name}: assay run exited {run.returncode}: {run.stderr.strip()}")
                continue
            print(f"{name}: assay run exit {run.returncode}, report {os.path.getsize(page)} bytes")
            check_page(name, page, run.returncode, chromium, work, out_dir, failures)
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
