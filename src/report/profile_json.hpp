#pragma once
// Renders column profiles as the `assay.profile/v1` JSON document and as an
// aligned console table.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/provenance.hpp"
#include "profile/column_profile.hpp"

namespace assay::report {

// Non-finite statistics are null, with "notes": {statistic: "positive
// infinity" | "negative infinity" | "not a number"} on their column;
// timestamp statistics are ISO-8601 strings. float64 columns carry
// "non_finite": the counts of +inf, -inf and NaN values left out of the
// statistics. The console table adds one line per column that has any.
nlohmann::ordered_json profile_json(const std::vector<profile::ColumnProfile>& columns, const core::FileFingerprint& input,
                            double seconds);

std::string profile_text(const std::vector<profile::ColumnProfile>& columns, const core::FileFingerprint& input);

}  // namespace assay::report
