#pragma once
// The one conversion of a double to JSON for every document assay writes
// (DESIGN.md, Output conventions): finite numbers as numbers, NaN and
// infinities as null, never as strings. Where the value was undefined the
// document says why beside it ("reason" or "notes"); non_finite_reason()
// words the cases the value itself explains.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace assay::report {

nlohmann::ordered_json json_number(double value);

// null when empty or non-finite.
nlohmann::ordered_json json_number(const std::optional<double>& value);

// "not a number", "positive infinity", "negative infinity"; empty when finite.
std::string non_finite_reason(double value);

}  // namespace assay::report
