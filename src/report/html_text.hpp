#pragma once
// Text pieces of the HTML report (report/html_report.hpp): escaping, numbers
// written for people with the exact value kept beside them, and typed reads
// of a Finding's details.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/details.hpp"

namespace assay::report {

// Text for an HTML element or a quoted attribute: report/junit.hpp's
// xml_escape (& < > " ' and line breaks as references, invalid UTF-8 and
// control characters as U+FFFD), which HTML reads the same way.
std::string html_escape(std::string_view text);

// A number for a sentence or a table cell: three significant digits, or a
// percentage with three significant digits when `share` (a value in [0, 1]).
std::string display_number(double value, bool share = false);
// display_number inside <data value="...">, whose value is the exact double
// (%.17g), so a reader (or a test) can compare it with the Finding.
std::string html_number(double value, bool share = false);

// A metric whose value is a share of rows or columns (`..._share`).
bool is_share_metric(std::string_view metric);

// A JSON document for <script type="application/json">: every "<" (only
// ever inside a string) is written as the JSON escape \u003c, so no value
// can close the element or open a comment or a tag in it.
std::string script_json(const nlohmann::ordered_json& doc);

// Typed reads of details; nullopt when absent or of another type. A number
// reads an int64 or a double.
std::optional<double> detail_number(const core::Details& details, std::string_view key);
std::optional<std::string> detail_text(const core::Details& details, std::string_view key);
const core::DetailList* detail_list(const core::Details& details, std::string_view key);
const core::Details* detail_object(const core::Details& details, std::string_view key);
const core::Details* as_object(const core::DetailValue& value);
// True when `key` holds the bool true.
bool detail_flag(const core::Details& details, std::string_view key);

}  // namespace assay::report
