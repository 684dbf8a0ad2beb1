#include "report/suite_cells.hpp"

#include <fmt/format.h>

#include <cmath>

namespace assay::report {

std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  std::size_t n = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  if (c == 0xE0 && byte(i + 1) < 0xA0) return 0;  // overlong
  if (c == 0xED && byte(i + 1) >= 0xA0) return 0;  // surrogates
  if (c == 0xF0 && byte(i + 1) < 0x90) return 0;
  if (c == 0xF4 && byte(i + 1) >= 0x90) return 0;
  if (c == 0xEF && byte(i + 1) == 0xBF && (byte(i + 2) == 0xBE || byte(i + 2) == 0xBF)) return 0;  // U+FFFE/F
  return n;
}

std::string utf8_clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string cell_number(const std::optional<double>& value) {
  if (!value) return "-";
  if (!std::isfinite(*value)) return "-";
  return fmt::format("{:.6g}", *value);
}

std::string cell_limit(const std::optional<core::Threshold>& threshold) {
  return threshold ? fmt::format("{} {}", threshold->op, cell_number(threshold->value)) : "-";
}

std::string value_limit_reference(const core::Finding& f) {
  std::string out = fmt::format("value {}", f.value ? cell_number(f.value) : "undefined");
  if (f.threshold) out += ", limit " + cell_limit(f.threshold);
  if (f.reference) out += ", reference " + cell_number(f.reference);
  return out;
}

}  // namespace assay::report
