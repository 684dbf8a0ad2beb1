#pragma once
// Parses JSON text from a file assay reads (schema, thresholds); a syntax
// error becomes core::Error at file:line:column.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace assay::quality {

nlohmann::json parse_json(std::string_view text, const std::string& file);

}  // namespace assay::quality
