#include "quality/text_parse.hpp"

#include <fast_float/fast_float.h>

#include <chrono>
#include <charconv>
#include <cmath>

#include "quality/cell_encoding.hpp"

namespace assay::quality {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != b[i]) return false;
  }
  return true;
}

// Reads exactly `width` digits at text[pos...]; advances pos.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  text = trim_ascii(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);  // fast_float rejects a leading plus
  double value = 0.0;
  const auto [end, ec] = fast_float::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  text = trim_ascii(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<bool> parse_bool(std::string_view text) {
  text = trim_ascii(text);
  for (std::string_view t : {"true", "t", "yes", "y", "1"}) {
    if (iequals(text, t)) return true;
  }
  for (std::string_view f : {"false", "f", "no", "n", "0"}) {
    if (iequals(text, f)) return false;
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  using namespace std::chrono;
  text = trim_ascii(text);
  std::size_t pos = 0;
  const auto year = digits(text, pos, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  const auto month = digits(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  const auto day = digits(text, pos, 2);
  if (!day) return std::nullopt;
  const year_month_day ymd{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                           std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  std::int64_t ns = duration_cast<nanoseconds>(sys_days{ymd}.time_since_epoch()).count();
  if (pos == text.size()) return ns;
  if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
  ++pos;
  const auto hour = digits(text, pos, 2);
  if (!hour || *hour > 23 || !expect(text, pos, ':')) return std::nullopt;
  const auto minute = digits(text, pos, 2);
  if (!minute || *minute > 59) return std::nullopt;
  int second = 0;
  std::int64_t fraction_ns = 0;
  if (expect(text, pos, ':')) {
    const auto s = digits(text, pos, 2);
    if (!s || *s > 60) return std::nullopt;
    second = *s;
    if (expect(text, pos, '.') || expect(text, pos, ',')) {
      std::int64_t scale = 100'000'000;
      const std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        fraction_ns += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
      if (pos == start) return std::nullopt;
    }
  }
  ns += ((*hour * 60LL + *minute) * 60LL + second) * 1'000'000'000LL + fraction_ns;
  if (pos == text.size() || expect(text, pos, 'Z') || expect(text, pos, 'z')) return pos == text.size() ? std::optional(ns) : std::nullopt;
  const char sign = text[pos];
  if (sign != '+' && sign != '-') return std::nullopt;
  ++pos;
  const auto offset_hour = digits(text, pos, 2);
  if (!offset_hour) return std::nullopt;
  expect(text, pos, ':');
  const auto offset_minute = digits(text, pos, 2);
  if (!offset_minute || pos != text.size()) return std::nullopt;
  const std::int64_t offset = (*offset_hour * 60LL + *offset_minute) * 60LL * 1'000'000'000LL;
  return sign == '+' ? ns - offset : ns + offset;
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
