#pragma once
// Vega-Lite specs for the HTML report, built from Findings (never from data
// rows), so a chart's size depends on the number of checks, columns and
// segments, not on the rows evaluated. Colours are Okabe-Ito and status is
// encoded by shape as well as colour.

#include <nlohmann/json.hpp>

#include <vector>

#include "core/finding.hpp"

namespace assay::report {

// One row per metric (facet), a point per Finding at its value with its
// confidence interval (details ci_low/ci_high) as a bar and its limit as a
// tick. Null when no Finding has a value.
nlohmann::ordered_json findings_chart(const std::vector<const core::Finding*>& findings);

// Per-column drift from the drift features Finding's details.columns: a bar
// per column at its score, a tick at its limit, one panel per measure.
// Null when there is no such list.
nlohmann::ordered_json drift_chart(const core::Finding& features);

// Error rate of the weakest segments (slices details.weak_slices) against
// the overall error rate. Null when there are none.
nlohmann::ordered_json slices_chart(const core::Finding& discover);

}  // namespace assay::report
