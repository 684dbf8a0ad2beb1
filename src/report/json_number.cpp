#include "report/json_number.hpp"

#include <cmath>

namespace assay::report {

nlohmann::ordered_json json_number(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

nlohmann::ordered_json json_number(const std::optional<double>& value) {
  return value ? json_number(*value) : nlohmann::ordered_json(nullptr);
}

std::string non_finite_reason(double value) {
  if (std::isnan(value)) return "not a number";
  if (std::isinf(value)) return value > 0 ? "positive infinity" : "negative infinity";
  return {};
}

}  // namespace assay::report
