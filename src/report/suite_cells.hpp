#pragma once
// How a suite Finding's numbers are written in the human outputs (JUnit
// messages, Markdown tables): six significant digits, "-" when absent, the
// limit as "op value".

#include <optional>
#include <string>

#include "core/finding.hpp"

namespace assay::report {

std::string cell_number(const std::optional<double>& value);
std::string cell_limit(const std::optional<core::Threshold>& threshold);

// "value 0.71, limit >= 0.8, reference 0.83" (parts that are absent left out).
std::string value_limit_reference(const core::Finding& finding);

}  // namespace assay::report
