#pragma once
// The data quality run behind `assay quality`: every per-column and
// per-dataset check on one table, the reference comparisons when a
// reference is given, schema anomalies when a schema is given, and for a
// target column its missing labels, class balance and leakage (see
// docs/quality.md for each check and its default threshold).

#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "quality/options.hpp"
#include "quality/roles.hpp"
#include "quality/schema.hpp"

namespace assay::quality {

struct QualityInput {
  const core::Table* data = nullptr;
  const core::Table* reference = nullptr;  // optional
  const Schema* schema = nullptr;          // optional
  Roles roles;
};

// Findings in a fixed order: dataset checks, then each column's checks in
// table order, then target checks, leakage and schema anomalies. The same
// for any thread count. Throws core::Error when a role names no column.
std::vector<core::Finding> run_quality(const QualityInput& input, const Options& options);

}  // namespace assay::quality
