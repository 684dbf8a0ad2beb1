#pragma once
// Selecting an engine's Findings by check name: quality and leakage
// Findings have ids "<category>.<check>.<subject>" (quality.missing.income,
// leakage.target.age), and a suite check names the middle part.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace assay::suite {

// The Findings whose id is "<category>.<check>.<subject>", optionally only
// the one about `subject`.
std::vector<core::Finding> select_findings(const std::vector<core::Finding>& findings, std::string_view category,
                                           std::string_view check, const std::optional<std::string>& subject);

}  // namespace assay::suite
