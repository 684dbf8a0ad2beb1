#pragma once
// Renders a metrics evaluation for people: a heading with the input and
// parameters, an aligned table of metric, value and interval (or why a value
// is missing), the per-class report, the confusion matrix, the residual
// summary, and warnings.

#include <string>

#include "core/provenance.hpp"
#include "metrics/evaluate.hpp"

namespace assay::report {

std::string metrics_text(const metrics::Evaluation& evaluation, const metrics::Spec& spec,
                         const core::FileFingerprint& input);

}  // namespace assay::report
