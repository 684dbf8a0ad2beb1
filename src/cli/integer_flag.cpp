#include "cli/integer_flag.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace assay::cli {

std::string check_whole_number(const std::string& text, IntegerRange range) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  // from_chars accepts neither a sign nor spaces for an unsigned type, and
  // reports values past 2^64 - 1 as out of range instead of saturating.
  const bool digits =
      !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (digits && error == std::errc() && stop == end && value >= range.min && value <= range.max) return {};
  return fmt::format("expected a whole number from {} to {}, got \"{}\"", range.min, range.max, text);
}

}  // namespace assay::cli
