#pragma once
// JSON rendering of a Finding's details (core/details.hpp): objects keep
// their insertion order, doubles go through json_number (non-finite as
// null), strings that are not valid UTF-8 are left to json_text to repair.

#include <nlohmann/json.hpp>

#include "core/details.hpp"

namespace assay::report {

nlohmann::ordered_json details_json(const core::Details& details);

nlohmann::ordered_json detail_value_json(const core::DetailValue& value);

}  // namespace assay::report
