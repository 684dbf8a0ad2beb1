#pragma once
// How a suite Finding's numbers are written in the human outputs (JUnit
// messages, Markdown tables): six significant digits, "-" when absent, the
// limit as "op value".

#include <optional>
#include <string>
#include <string_view>

#include "core/finding.hpp"

namespace assay::report {

std::string cell_number(const std::optional<double>& value);
std::string cell_limit(const std::optional<core::Threshold>& threshold);

// `text` with each invalid UTF-8 byte replaced by U+FFFD.
std::string utf8_clean(std::string_view text);
// Length of the valid UTF-8 sequence that starts text[i] (a byte >= 0x80), or 0.
std::size_t utf8_length(std::string_view text, std::size_t i);

// "value 0.71, limit >= 0.8, reference 0.83" (parts that are absent left out).
std::string value_limit_reference(const core::Finding& finding);

}  // namespace assay::report
