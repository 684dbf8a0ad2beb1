#include <fmt/format.h>

#include "suite/kinds.hpp"

namespace assay::suite {

const std::vector<KindEntry>& check_kinds() {
  static const std::vector<KindEntry> kinds{metric_kind(),  drift_kind(),       quality_kind(),  schema_kind(),
                                            leakage_kind(), calibration_kind(), fairness_kind(), slices_kind(),
                                            compare_kind(), pii_kind(),      privacy_kind()};
  return kinds;
}

void require_role(const std::optional<std::string>& column, std::string_view role, const CheckHeader& check) {
  if (!column) {
    throw core::Error(check.where, fmt::format("check {} needs columns.{} (the {} column)", check.id, role, role));
  }
}

}  // namespace assay::suite
