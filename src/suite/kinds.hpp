#pragma once
// The check kinds a suite can use, one file each (check_<kind>.cpp), listed
// in registry.cpp. A check's map has exactly one of these keys.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "suite/check.hpp"

namespace assay::suite {

KindEntry metric_kind();       // check_metric.cpp
KindEntry drift_kind();        // check_drift.cpp
KindEntry quality_kind();      // check_quality.cpp
KindEntry schema_kind();       // check_schema.cpp
KindEntry leakage_kind();      // check_leakage.cpp
KindEntry calibration_kind();  // check_calibration.cpp
KindEntry fairness_kind();     // check_fairness.cpp
KindEntry slices_kind();       // check_slices.cpp
KindEntry compare_kind();      // check_compare.cpp
KindEntry pii_kind();          // check_pii.cpp
KindEntry privacy_kind();      // check_privacy.cpp

// Every kind, in the order docs/suite.md lists them.
const std::vector<KindEntry>& check_kinds();

// Throws core::Error at `where` unless the suite names the role's column:
// "check f1 needs columns.target".
void require_role(const std::optional<std::string>& column, std::string_view role, const CheckHeader& check);

}  // namespace assay::suite
