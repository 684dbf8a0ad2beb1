#pragma once
// Validates a table against a schema and lists every anomaly, as TFDV's
// validate_statistics does (Breck et al. 2019). Every anomaly is an error
// (status fail); a column without anomalies gets one pass finding.
//
//   schema.missing_column.<c>  a schema column absent from the data
//   schema.new_column.<c>      a data column absent from the schema
//   schema.type.<c>            values that do not fit the schema kind (kind_conformance.hpp)
//   schema.nulls.<c>           nulls in a column that is not nullable
//   schema.categories.<c>      values outside the allowed categories, with counts per value
//   schema.range.<c>           values outside [min, max], below and above counted
//   schema.column.<c>          pass: the column conforms

#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "quality/options.hpp"
#include "quality/schema.hpp"

namespace assay::quality {

std::vector<core::Finding> validate_schema(const core::Table& table, const Schema& schema, const Options& options);

}  // namespace assay::quality
