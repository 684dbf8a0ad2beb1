#pragma once
// The text of every JSON document assay writes.

#include <nlohmann/json.hpp>

#include <string>

namespace assay::report {

// Two-space indented text with a final newline; invalid UTF-8 in values
// (from data) is replaced rather than throwing.
std::string json_text(const nlohmann::ordered_json& document);

}  // namespace assay::report
