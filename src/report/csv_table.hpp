#pragma once
// Writes a table, plus extra float64 columns, as CSV text: a header row,
// then one line per row; cells in core::Column::text form (nulls empty,
// numbers in shortest round-trip form), quoted as RFC 4180 when they hold
// the delimiter, a quote or a line break. Extra values that are NaN are
// written empty (null).

#include <span>
#include <string>
#include <vector>

#include "core/table.hpp"

namespace assay::report {

struct ExtraColumn {
  std::string name;
  std::span<const double> values;
};

std::string csv_table(const core::Table& table, const std::vector<ExtraColumn>& extra, char delimiter = ',');

}  // namespace assay::report
