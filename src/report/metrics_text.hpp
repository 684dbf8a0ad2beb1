#pragma once
// Renders a metrics evaluation for people: a heading with the input and
// parameters, an aligned table of metric, value and interval (or why a value
// is missing), the per-class report, the confusion matrix, the residual
// summary, and warnings. With --by, the same tables again for each group
// under a line naming it, or the reason it was not evaluated.

#include <string>

#include "core/provenance.hpp"
#include "metrics/evaluate.hpp"
#include "slices/grouped_metrics.hpp"

namespace assay::report {

std::string metrics_text(const metrics::Evaluation& evaluation, const metrics::Spec& spec,
                         const core::FileFingerprint& input);

std::string metrics_text(const slices::GroupedEvaluation& grouped, const metrics::Spec& spec,
                         const core::FileFingerprint& input);

}  // namespace assay::report
