#include "quality/text_parse.hpp"

#include "core/cell_parse.hpp"

namespace assay::quality {

std::optional<double> parse_number(std::string_view text) {
  double value = 0.0;
  return core::parse_float64(text, value) ? std::optional(value) : std::nullopt;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  return core::parse_int64(text, value) ? std::optional(value) : std::nullopt;
}

std::optional<bool> parse_bool(std::string_view text) {
  std::uint8_t value = 0;
  return core::parse_bool(text, value) ? std::optional(value != 0) : std::nullopt;
}

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  std::int64_t ns = 0;
  return core::parse_timestamp(text, ns) ? std::optional(ns) : std::nullopt;
}

bool parses_as(std::string_view text, core::Kind kind) {
  switch (kind) {
    case core::Kind::float64: return parse_number(text).has_value();
    case core::Kind::int64: return parse_integer(text).has_value();
    case core::Kind::boolean: return parse_bool(text).has_value();
    case core::Kind::timestamp: return parse_timestamp(text).has_value();
    case core::Kind::categorical:
    case core::Kind::string: return true;
  }
  return true;
}

bool is_blank(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace assay::quality
