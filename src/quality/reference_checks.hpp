#pragma once
// Checks of a dataset against a reference dataset (typically the training
// data) or an expected kind. Ids are "quality.<check>.<column>" or
// "quality.<check>.dataset".

#include <optional>
#include <string_view>
#include <vector>

#include "core/column.hpp"
#include "core/finding.hpp"
#include "core/table.hpp"
#include "quality/options.hpp"

namespace assay::quality {

// type_violation_share: non-null values that do not fit `expected` (see
// kind_conformance.hpp), with examples. `source` says where the expectation
// came from ("schema", "reference").
core::Finding check_type(const core::Column& column, core::Kind expected, std::string_view source,
                         const Options& options);

// out_of_range_share: values of a float64/int64 column outside the
// reference's [min, max] (or [Q(q), Q(1 - q)] with out_of_range.quantile q),
// among non-null values. Infinite values count as out of range. nullopt
// when either side is not float64/int64 or the reference has no finite
// values. Min/max take one scan; a quantile band sorts the reference.
std::optional<core::Finding> check_out_of_range(const core::Column& column, const core::Column& reference,
                                                const Options& options);

// unseen_share: rows whose value is not among the reference's categories
// (when the reference column is categorical), with each unseen value's count.
std::optional<core::Finding> check_unseen_categories(const core::Column& column, const core::Column& reference,
                                                     const Options& options);

// row_count_change = |rows / reference rows - 1|.
core::Finding check_row_count(std::size_t rows, std::size_t reference_rows, const Options& options);

// Columns of the reference absent from the data (fail) and columns of the
// data absent from the reference (warn), as "quality.missing_column.<name>"
// and "quality.new_column.<name>"; one pass finding when both match.
std::vector<core::Finding> check_columns(const core::Table& data, const core::Table& reference);

}  // namespace assay::quality
