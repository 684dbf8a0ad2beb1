#pragma once
// Console rendering of a calibration analysis: a heading, the metrics with
// notes, the reliability curve, per-class ECE (multiclass) and warnings.

#include <string>

#include "calibration/evaluate.hpp"
#include "core/provenance.hpp"

namespace assay::report {

std::string calibration_text(const calibration::Evaluation& evaluation, const calibration::Spec& spec,
                             const core::FileFingerprint& input);

}  // namespace assay::report
