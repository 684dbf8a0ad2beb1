#pragma once
// Checks of a whole dataset: duplicate rows, duplicate columns, and for a
// target column, class imbalance and missing labels. Ids are
// "quality.<check>.dataset" or "quality.<check>.<target>".

#include <optional>
#include <span>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "quality/options.hpp"

namespace assay::quality {

// duplicate_share: rows equal (by 128-bit row hash over `columns`) to an
// earlier row, over all rows; details give the count, the number of
// distinct duplicated rows and example pairs {row, same_as}.
core::Finding check_duplicate_rows(const core::Table& table, std::span<const std::size_t> columns,
                                   const Options& options);

// duplicate_column_count: columns whose content equals an earlier column's
// among `columns` (same cell codes, see cell_encoding.hpp), under another
// name. Columns with no value at all are left out.
core::Finding check_duplicate_columns(const core::Table& table, std::span<const std::size_t> columns,
                                      const Options& options);

// minority_share: rows of the rarest class over labelled rows; details give
// every class count and the imbalance ratio (largest / smallest). nullopt
// when the target has more than max_classes values (not a class label).
std::optional<core::Finding> check_class_imbalance(const core::Column& target, const Options& options);

// missing_share of the target.
core::Finding check_label_missing(const core::Column& target, const Options& options);

}  // namespace assay::quality
