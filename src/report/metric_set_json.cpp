#include "report/metric_set_json.hpp"

#include <cmath>

#include "report/json_number.hpp"

namespace assay::report {

nlohmann::ordered_json metric_values_json(const metrics::MetricSet& set) {
  auto out = nlohmann::ordered_json::object();
  for (const auto& item : set.items()) out[item.name] = json_number(item.value.value);
  return out;
}

nlohmann::ordered_json metric_notes_json(const metrics::MetricSet& set) {
  auto out = nlohmann::ordered_json::object();
  for (const auto& item : set.items()) {
    if (!item.value.reason.empty()) {
      out[item.name] = item.value.reason;
    } else if (item.value.value && !std::isfinite(*item.value.value)) {
      out[item.name] = non_finite_reason(*item.value.value);
    }
  }
  return out;
}

}  // namespace assay::report
