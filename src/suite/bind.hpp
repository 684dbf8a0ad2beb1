#pragma once
// The suite's column roles turned into each engine's request, in one place,
// so every check kind binds columns the way the matching `assay` command
// does (and the way `assay init` guesses them).

#include <string_view>
#include <vector>

#include "calibration/evaluate.hpp"
#include "core/table.hpp"
#include "drift/dataset_drift.hpp"
#include "fairness/evaluate.hpp"
#include "metrics/evaluate.hpp"
#include "quality/roles.hpp"
#include "slices/options.hpp"
#include "suite/suite_file.hpp"

namespace assay::suite {

// Throws core::Error at the suite's `columns:` entry for a role naming a
// column that `table` (called `which`: "current data") does not have.
void require_columns(const Suite& suite, const core::Table& table, std::string_view which);
// The same for one column named by a check.
void require_column(const core::Table& table, const std::string& column, const core::Location& where,
                    std::string_view which);

// Every column named by a role (not the features).
std::vector<std::string> role_columns(const Suite& suite);

// `bootstrap_metrics`: metrics that need an interval (none: no bootstrap).
metrics::Spec metrics_spec(const Suite& suite, const std::vector<std::string>& bootstrap_metrics);
calibration::Spec calibration_spec(const Suite& suite);
fairness::Spec fairness_spec(const Suite& suite, bool intervals);
slices::Spec slices_spec(const Suite& suite);
quality::Roles quality_roles(const Suite& suite);
// Target, prediction and score as drift roles; ids, weights, groups and
// ignored columns are never compared.
drift::ColumnRequest drift_columns(const Suite& suite);
// The feature columns of a drift selection (roles removed).
drift::ColumnSelection drift_features(const Suite& suite, const core::Table& reference, const core::Table& current);

}  // namespace assay::suite
