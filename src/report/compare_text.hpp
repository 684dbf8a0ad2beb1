#pragma once
// The console rendering of a comparison: the verdict and its reason first,
// then the compared metric for both models with the difference, its paired
// bootstrap interval and test, then one aligned row per slice.

#include <string>

#include "compare/compare.hpp"
#include "compare/verdict.hpp"

namespace assay::report {

std::string compare_text(const compare::Comparison& comparison, const compare::Spec& spec,
                         const compare::Policy& policy);

}  // namespace assay::report
