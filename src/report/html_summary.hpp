#pragma once
// The top of the HTML report, for readers who are not ML specialists: the
// verdict in words (ship, do not ship, or could not finish), the three most
// important problems as sentences with their numbers, and what to do next.
// Everything is built from the Findings; numbers appear as <data value>
// elements holding the Finding's exact value.

#include <string>
#include <vector>

#include "core/finding.hpp"
#include "suite/outcome.hpp"

namespace assay::report {

// The Findings that need attention, most important first: errors, then
// failures, then warnings (file order within each).
std::vector<const core::Finding*> ranked_problems(const suite::Outcome& outcome);

// A metric's name for people ("ROC AUC", "share of missing values").
std::string metric_label(const std::string& metric);

// One sentence about a Finding, as HTML: what was measured on what, its
// value, the limit it missed and the rows it was measured on.
std::string problem_sentence(const core::Finding& finding);

// <header> with the verdict in words, a headline and the counts.
std::string verdict_html(const suite::Outcome& outcome);
// The summary <section>: the three most important problems, what to do next.
std::string summary_html(const suite::Outcome& outcome);

}  // namespace assay::report
