#include "report/suite_cells.hpp"

#include <fmt/format.h>

#include <cmath>

namespace assay::report {

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
