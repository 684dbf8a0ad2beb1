#pragma once
// A profile's percentile at q, as the tests look it up.

#include <cmath>
#include <optional>

#include "profile/column_profile.hpp"

namespace assay::profile {

inline std::optional<double> percentile_at(const ColumnProfile& p, double q) {
  for (const auto& pc : p.percentiles) {
    if (std::fabs(pc.q - q) < 1e-12) return pc.value;
  }
  return std::nullopt;
}

}  // namespace assay::profile
