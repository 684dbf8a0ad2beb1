#pragma once
// Renders a comparison and its verdict as the `assay.compare/v1` document:
//   {"schema", "assay_version", "inputs": [fingerprint...], "verdict":
//    {"decision": "promote"|"keep"|"inconclusive", "reason", "error"},
//    "task", "metric", "higher_is_better", "parameters": {...}, "n",
//    "dropped_rows", "overall": delta, "by": {"column", "binned"} | null,
//    "slices": [{"level", "low", "high", "null", ...delta, "p_adjusted"}],
//    "findings": [...], "notes", "elapsed_seconds"}
// where a delta is {"size", "champion", "challenger", "delta", "gain",
// "test", "statistic", "p_value", "reason"?, "mcnemar"?: {"b", "c",
// "method"}, "delong"?: {"positives", "negatives", "variance", "se"},
// "ci": {"low", "high", "level", "resamples"} | null, "ci_note"?}.
// Keys keep this order; non-finite numbers are null with a reason beside.

#include <nlohmann/json.hpp>

#include <vector>

#include "compare/compare.hpp"
#include "compare/verdict.hpp"
#include "core/provenance.hpp"

namespace assay::report {

nlohmann::ordered_json compare_json(const compare::Comparison& comparison, const compare::Spec& spec,
                                    const compare::Policy& policy, const std::vector<core::FileFingerprint>& inputs,
                                    double seconds);

}  // namespace assay::report
