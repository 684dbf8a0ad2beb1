#pragma once
// The leakage run behind `assay leakage` (Kaufman et al., "Leakage in Data
// Mining", TKDD 2012): train/test contamination (exact and normalised row
// hashes over the feature columns both tables share), temporal leakage and
// id overlap when a timestamp or id column is named, and, with a target,
// each training feature's standalone power to predict it, plus id and row
// order leakage.

#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "quality/options.hpp"
#include "quality/roles.hpp"

namespace assay::quality {

struct LeakageInput {
  const core::Table* train = nullptr;
  const core::Table* test = nullptr;
  Roles roles;
};

// Findings in a fixed order: contamination (exact, normalised), temporal,
// id overlap, target leakage per feature, id and row-order leakage.
std::vector<core::Finding> run_leakage(const LeakageInput& input, const Options& options);

}  // namespace assay::quality
