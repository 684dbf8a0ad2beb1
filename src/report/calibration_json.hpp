#pragma once
// Renders a calibration analysis as the `assay.calibration/v1` document:
//   {"schema", "assay_version", "inputs": [fingerprint...], "task", "n",
//    "parameters": {target, score|scores, classes|positive/negative, bins,
//                   strategy, wilson_level, dropped_rows},
//    "metrics": {name: value|null}, "notes": {name: why},
//    "reliability_curve": [{lower, upper, count, mean_score, frequency,
//                           wilson_low, wilson_high}],
//    "per_class" (multiclass): {label: {ece, mce}}, "warnings", "elapsed_seconds"}
// and the report of `assay calibrate fit` (`assay.calibration_fit/v1`).
// Non-finite numbers are null; a null metric always has a note.

#include <nlohmann/json.hpp>

#include <vector>

#include "calibration/calibrator.hpp"
#include "calibration/evaluate.hpp"
#include "core/provenance.hpp"

namespace assay::report {

nlohmann::ordered_json calibration_json(const calibration::Evaluation& evaluation, const calibration::Spec& spec,
                                        const std::vector<core::FileFingerprint>& inputs, double seconds);

// `check`: the before/after on --eval data, when given.
nlohmann::ordered_json calibration_fit_json(const calibration::Calibrator& calibrator,
                                            const std::optional<calibration::Check>& check,
                                            const std::vector<core::FileFingerprint>& inputs, double seconds);

}  // namespace assay::report
