#pragma once
// Parsers for one cell of text. Each returns false when the whole cell (after
// trimming spaces and tabs) is not a value of that kind; none allocates.
//
//   int64      [+-]digits, within int64
//   float64    decimal or scientific notation, inf, infinity, nan (fast_float)
//   bool       true/false, True/False, TRUE/FALSE (as pandas)
//   timestamp  ISO-8601: YYYY-MM-DD, optionally followed by [T or space]
//              HH:MM[:SS[.fraction]] and Z, +HH:MM, +HHMM or +HH; '/' is also
//              accepted as the date separator. No zone means UTC.

#include <cstdint>
#include <string_view>

namespace assay::io {

std::string_view trim_blanks(std::string_view text) noexcept;

bool parse_int64(std::string_view text, std::int64_t& out) noexcept;
bool parse_float64(std::string_view text, double& out) noexcept;
bool parse_bool(std::string_view text, std::uint8_t& out) noexcept;
bool parse_timestamp(std::string_view text, std::int64_t& ns_out) noexcept;

}  // namespace assay::io
