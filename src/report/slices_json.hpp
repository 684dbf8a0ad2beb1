#pragma once
// Renders a slicing run as the `assay.slices/v1` JSON document:
//   {"schema", "assay_version", "inputs": [fingerprint...], "task", "mode":
//    "by"|"discover", "parameters": {...}, "n", "dropped_rows", "error":
//    "misclassification"|"absolute_error", "overall": {...}, "columns": [...],
//    "skipped_columns": [...], "examined", "candidates" (discover),
//    "slices": [{"predicates", "label", "size", "share", "metric", "ci",
//    "metric_note", "error", "error_rest", "gap", "score", "t", "df",
//    "p_value", "p_adjusted", "significant", "test_note"}], "notes",
//    "elapsed_seconds"}
// Keys keep this order (ordered_json); non-finite numbers are null, and a
// null metric or test comes with a note saying why.

#include <nlohmann/json.hpp>

#include <vector>

#include "core/provenance.hpp"
#include "slices/slicing.hpp"

namespace assay::report {

nlohmann::ordered_json slices_json(const slices::SliceReport& report, const slices::Spec& spec,
                                   const std::vector<core::FileFingerprint>& inputs, double seconds);

}  // namespace assay::report
