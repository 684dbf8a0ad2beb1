#pragma once
// Does a piece of text parse as a value of a given kind? Used to find type
// violations (values of a text column that do not fit the kind a schema or
// reference expects) and mixed-type text columns. The rules are the
// readers' own (core/cell_parse.hpp), so "parses as int64" means what it means
// when a file is read: numbers in decimal or scientific notation, bools as
// true/false in pandas' spellings, timestamps in ISO 8601.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/kind.hpp"

namespace assay::quality {

std::optional<double> parse_number(std::string_view text);
std::optional<std::int64_t> parse_integer(std::string_view text);
std::optional<bool> parse_bool(std::string_view text);
// Nanoseconds since 1970-01-01T00:00:00Z.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

bool parses_as(std::string_view text, core::Kind kind);

// Empty, or only white space (ASCII and U+00A0 no-break space).
bool is_blank(std::string_view text);

}  // namespace assay::quality
