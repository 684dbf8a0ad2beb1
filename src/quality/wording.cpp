#include "quality/wording.hpp"

#include <fmt/format.h>

#include <cmath>

namespace assay::quality {

std::string percent(double share) {
  if (share == 0.0) return "0%";
  return fmt::format("{:.3g}%", share * 100.0);
}

double share_of(std::size_t count, std::size_t total) {
  return total == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(total);
}

bool Examples::add(std::size_t row, std::string_view value) {
  if (full()) return false;
  list_.push_back(core::Details{{"row", row + 1}, {"value", value}});
  if (shown_.size() < 3) shown_.emplace_back(row + 1, std::string(value));
  return true;
}

bool Examples::add_cell(const core::Column& column, std::size_t row) {
  // JSON gets null and the reason for a non-finite number, never the
  // strings "inf" or "nan" (docs/architecture.md, JSON output).
  if (column.kind() == core::Kind::float64 && !std::isfinite(column.f64()[row])) {
    return add_non_finite(row, column.f64()[row]);
  }
  return add(row, column.text(row));
}

bool Examples::add_non_finite(std::size_t row, double value) {
  if (full()) return false;
  const bool nan = std::isnan(value);
  list_.push_back(core::Details{{"row", row + 1}, {"value", nullptr},
                                {"reason", nan ? "not a number" : value > 0 ? "positive infinity" : "negative infinity"}});
  if (shown_.size() < 3) shown_.emplace_back(row + 1, nan ? "nan" : value > 0 ? "inf" : "-inf");  // as messages word it
  return true;
}

std::string Examples::describe() const {
  std::string out;
  for (const auto& [row, text] : shown_) {
    std::string value = text;
    if (value.size() > 40) value = value.substr(0, 37) + "...";
    out += fmt::format("{}'{}' (row {})", out.empty() ? "" : ", ", value, row);
  }
  return out;
}

}  // namespace assay::quality
