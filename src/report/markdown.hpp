#pragma once
// Markdown of a suite run, for a pull-request comment or
// $GITHUB_STEP_SUMMARY (CommonMark plus GitHub tables):
//   # ✅ PASS: assay suite <path>       (or ❌ FAIL) with the counts
//   the checks that failed, errored or warned, with value, limit and
//   reference, in a table; the passing ones collapsed in <details>; then the
//   suite hash and the inputs' fingerprints.
// Table cells escape `|`, HTML and line breaks, so no data value can break
// the layout. The HTML report (later) renders the same Outcome.

#include <string>

#include "suite/outcome.hpp"

namespace assay::report {

std::string suite_markdown(const suite::Outcome& outcome);

}  // namespace assay::report
