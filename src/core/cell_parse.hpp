#pragma once
// Parsers for one cell of text. Each returns false when the whole cell (after
// trimming spaces and tabs) is not a value of that kind; none allocates.
//
//   int64      [+-]digits, within int64
//   float64    decimal or scientific notation, inf, infinity, nan (fast_float)
//   bool       true/false, True/False, TRUE/FALSE (as pandas)
//   timestamp  ISO-8601: YYYY-MM-DD, optionally followed by [T or space]
//              HH:MM[:SS[.fraction]] and Z, +HH:MM, +HHMM or +HH; '/' is also
//              accepted as the date separator. No zone means UTC. Years
//              outside what int64 nanoseconds hold (about 1678 to 2261)
//              are not timestamps.

#include <fast_float/fast_float.h>

#include <charconv>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace assay::core {

// The two number parsers are inline: they run once per cell of every
// numeric column, the reader's hottest loop.

inline std::string_view trim_blanks(std::string_view text) noexcept {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  if (text.empty() || (!blank(text.front()) && !blank(text.back()))) return text;
  std::size_t b = 0;
  std::size_t e = text.size();
  while (b < e && blank(text[b])) ++b;
  while (e > b && blank(text[e - 1])) --e;
  return text.substr(b, e - b);
}

// Strips blanks and one leading '+' (which from_chars rejects); false when
// nothing is left or a second sign follows.
inline bool number_text(std::string_view& text) noexcept {
  text = trim_blanks(text);
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    return !text.empty() && text.front() != '+' && text.front() != '-';
  }
  return !text.empty();
}

inline bool parse_int64(std::string_view text, std::int64_t& out) noexcept {
  if (!number_text(text)) return false;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

inline bool parse_float64(std::string_view text, double& out) noexcept {
  if (!number_text(text)) return false;
  const auto [ptr, ec] = fast_float::from_chars(text.data(), text.data() + text.size(), out);
  // Out-of-range literals (1e400) come back as +-inf with result_out_of_range;
  // numpy reads them the same way.
  return (ec == std::errc() || ec == std::errc::result_out_of_range) && ptr == text.data() + text.size();
}

bool parse_bool(std::string_view text, std::uint8_t& out) noexcept;
bool parse_timestamp(std::string_view text, std::int64_t& ns_out) noexcept;

}  // namespace assay::core
