#pragma once
// The one rule for every integer flag of the command line: the text is a
// whole number written in decimal digits only (no sign, no exponent, no
// fraction) within the flag's range; anything else is bad usage (exit 2)
// with one message:
//   --max-rows: expected a whole number from 0 to 18446744073709551615, got "-1"
// Why not CLI11 alone: it wraps "-1" into 2^64 - 1 for an unsigned option,
// saturates numbers past 2^64 and accepts "1e3"; a check on the text before
// it converts is the only place all of these are seen.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

namespace assay::cli {

struct IntegerRange {
  std::uint64_t min = 0;
  std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
};

// Bins of a calibration curve or histogram calibrator: each is a few
// counters, so 100,000 is far past any use and still small in memory.
inline constexpr IntegerRange kBinRange{.min = 1, .max = 100000};

// The validator behind add_integer_option(); returns "" when `text` is a
// whole number in `range`, else the message after "--flag: ".
std::string check_whole_number(const std::string& text, IntegerRange range);

namespace detail {
template <class T>
struct Unwrapped {
  using type = T;
};
template <class T>
struct Unwrapped<std::optional<T>> {
  using type = T;
};
}  // namespace detail

// Adds `name` to `command` bound to `value` (an unsigned integer or an
// optional one), checked by check_whole_number() against `range`, which
// defaults to everything the type holds.
template <class T>
CLI::Option* add_integer_option(CLI::App& command, const std::string& name, T& value, const std::string& description,
                                IntegerRange range = {}) {
  using Integer = typename detail::Unwrapped<T>::type;
  static_assert(std::is_integral_v<Integer> && std::is_unsigned_v<Integer>, "integer flags are unsigned");
  range.max = std::min<std::uint64_t>(range.max, std::numeric_limits<Integer>::max());
  return command.add_option(name, value, description)
      ->check(
          CLI::Validator([range](std::string& text) { return check_whole_number(text, range); }, "", "whole number"))
      ->type_name("N");
}

}  // namespace assay::cli
