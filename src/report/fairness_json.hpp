#pragma once
// Renders a fairness evaluation as the `assay.fairness/v1` document:
//   {"schema", "assay_version", "inputs", "n", "parameters": {target,
//    prediction, score, sensitive, positive, negative, min_group,
//    dropped_rows}, "bootstrap": {resamples, level, seed, method},
//    "groupings": [{"columns", "groups": [{"values": {col: value}, "size",
//       "too_small", "metrics": {...}, "notes": {...}}],
//     "summary": {name: value|null}, "notes": {name: why},
//     "ci": {name: [low, high]}, "four_fifths_rule": "pass"|"fail"|null}],
//    "warnings", "elapsed_seconds"}
// Non-finite numbers are null; a null value always has a note.

#include <nlohmann/json.hpp>

#include <vector>

#include "core/provenance.hpp"
#include "fairness/evaluate.hpp"

namespace assay::report {

nlohmann::ordered_json fairness_json(const fairness::Evaluation& evaluation, const fairness::Spec& spec,
                                     const std::vector<core::FileFingerprint>& inputs, double seconds);

}  // namespace assay::report
