#pragma once
// Console rendering of a fairness evaluation: for each grouping, a table of
// groups (size, rates, ECE; small groups marked) and the summaries with
// their bootstrap intervals and notes.

#include <string>

#include "core/provenance.hpp"
#include "fairness/evaluate.hpp"

namespace assay::report {

std::string fairness_text(const fairness::Evaluation& evaluation, const fairness::Spec& spec,
                          const core::FileFingerprint& input);

}  // namespace assay::report
