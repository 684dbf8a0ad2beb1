#pragma once
// The HTML report of a suite run (outputs.html, docs/report.md): one
// self-contained file that opens offline, for people rather than CI.
//
//   the verdict in words, the three most important problems as sentences
//   with their numbers, what to do next (report/html_summary.hpp); then one
//   section per kind of Finding present (model quality, drift, data quality,
//   segments, fairness, champion/challenger, other), each with Vega-Lite
//   charts (report/html_charts.hpp) and a table; every check in one
//   filterable table; the provenance (inputs' fingerprints, suite hash,
//   assay version).
//
// Vega, Vega-Lite, vega-embed and the report's CSS and script are inlined
// (report/web_assets.hpp): the page references no external resource. Specs
// sit in <script type="application/json"> elements, built from Findings
// only, so the page's data part grows with the number of checks, never with
// the rows evaluated. The page's script records any error on
// <body data-errors> and the number of charts rendered on
// <body data-charts-done>.

#include <string>

#include "suite/outcome.hpp"

namespace assay::report {

std::string suite_html(const suite::Outcome& outcome);

}  // namespace assay::report
