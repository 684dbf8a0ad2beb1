#include "report/slices_label.hpp"

#include "report/json_number.hpp"

namespace assay::report {

std::string slice_label(const slices::SliceRow& slice) { return slices::predicates_label(slice.predicates); }

nlohmann::ordered_json predicates_json(std::span<const slices::SlicePredicate> predicates) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& p : predicates) {
    nlohmann::ordered_json one{{"column", p.column}, {"level", p.level}};
    if (p.low) one["low"] = json_number(*p.low);
    if (p.high) one["high"] = json_number(*p.high);
    if (p.null) one["null"] = true;
    out.push_back(std::move(one));
  }
  return out;
}

}  // namespace assay::report
