#pragma once
// Drift of a whole table: which columns to compare, every column compared
// (in parallel, one task per column), the multiple-testing correction, the
// dataset verdict (drifted share > drift_share) and the Findings.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "drift/column_drift.hpp"
#include "drift/options.hpp"

namespace assay::drift {

struct ColumnRequest {
  std::vector<std::string> columns;  // features; empty: every comparable reference column
  std::optional<std::string> target;
  std::optional<std::string> prediction;
  std::optional<std::string> score;
  std::optional<std::string> timestamp;  // never compared
  std::vector<std::string> by;           // segment columns (--by): never compared
};

struct SkippedColumn {
  std::string column;
  std::string reason;
};

struct ColumnSelection {
  std::vector<ColumnSpec> columns;
  std::vector<SkippedColumn> skipped;
};

// Throws core::Error for a requested column missing from either table, a
// --by column that is also a role column or listed in --columns, a
// reference column missing from the current table, or kinds that cannot be
// compared (numeric in one file, categorical in the other). By default
// timestamp columns and columns that are free text in both files are
// skipped with a reason; text named in --columns, or text in one file and
// categorical in the other, is compared as categories.
ColumnSelection select_columns(const core::Table& reference, const core::Table& current, const ColumnRequest& request);

struct DatasetVerdict {
  std::size_t compared = 0;  // columns with a defined statistic
  std::size_t drifted = 0;
  double drifted_share = 0.0;
  bool dataset_drift = false;
};

struct Comparison {
  std::vector<ColumnDrift> columns;  // in the order of the specs
  DatasetVerdict verdict;
};

// Compares reference with current, once per selection of current rows (an
// empty selection means all rows): the reference side of each column is
// prepared once and reused. Columns run in parallel (TBB); the result does
// not depend on the number of threads.
std::vector<Comparison> compare_tables(const core::Table& reference, const core::Table& current,
                                       std::span<const ColumnSpec> columns, const DriftOptions& options,
                                       std::span<const std::vector<std::uint32_t>> selections);
Comparison compare_tables(const core::Table& reference, const core::Table& current,
                          std::span<const ColumnSpec> columns, const DriftOptions& options);

// The columns whose statistic is undefined, with the reasons:
// "a (no finite values in the current data), b (...)"; empty when none.
std::string undefined_columns(const Comparison& comparison);

// Applies the correction to the tests' p-values and sets the verdict.
void finalize(Comparison& comparison, const DriftOptions& options);

// One Finding per column ("drift.<column>": fail when drifted, error when
// the statistic is undefined) and one for the dataset ("drift.dataset").
std::vector<core::Finding> drift_findings(const Comparison& comparison, const DriftOptions& options);

// The name under which a column's statistic is reported in Findings
// ("ks_p_value", "wasserstein_normed", "jensen_shannon", ...).
std::string_view finding_metric(Method method);

}  // namespace assay::drift
