#pragma once
// Renders a metrics evaluation as the `assay.metrics/v1` JSON document:
//   {"schema", "assay_version", "inputs": [fingerprint...], "task", "n",
//    "parameters": {...}, "metrics": {name: value|null}, "notes": {name: why},
//    "ci": {name: [low, high]}, "bootstrap": {...}, "per_class": {...},
//    "confusion_matrix": {"labels", "matrix"}, "curves": {"roc", "pr"},
//    "residuals" (regression), "queries" (ranking), "warnings", "elapsed_seconds"}
// Metric names follow scikit-learn. A null metric always has a note saying why.
// Keys keep this order (an ordered_json), metrics their engine order.
// With --by, "by": {"columns": [{"column", "kind", "binned", "levels"}],
// "bins", "min_support"} and "groups": [{"predicates", "label", "rows",
// "share", "status" (evaluated, too_small, error), "reason", then, when
// evaluated, the keys of the document from "n" to "warnings"}] come before
// "elapsed_seconds".

#include <nlohmann/json.hpp>

#include <vector>

#include "core/provenance.hpp"
#include "metrics/evaluate.hpp"
#include "slices/grouped_metrics.hpp"

namespace assay::report {

nlohmann::ordered_json metrics_json(const metrics::Evaluation& evaluation, const metrics::Spec& spec,
                            const std::vector<core::FileFingerprint>& inputs, double seconds);

nlohmann::ordered_json metrics_json(const slices::GroupedEvaluation& grouped, const metrics::Spec& spec,
                                    const slices::GroupSpec& groups, const std::vector<core::FileFingerprint>& inputs,
                                    double seconds);

}  // namespace assay::report
