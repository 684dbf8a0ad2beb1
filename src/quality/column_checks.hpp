#pragma once
// Per-column checks on one dataset (no reference needed). Each returns a
// Finding with id "quality.<check>.<column>", or nullopt when the check does
// not apply to the column's kind. Thresholds and parameters come from
// Options; docs/quality.md lists them.

#include <optional>

#include "core/column.hpp"
#include "core/finding.hpp"
#include "quality/column_facts.hpp"
#include "quality/options.hpp"

namespace assay::quality {

// missing_share = nulls / rows. All kinds.
core::Finding check_missing(const core::Column& column, const Options& options);

// non_finite_share = (+inf, -inf and NaN values) / non-null values. float64
// only. A NaN here is a value (a cell such as NAN that is not an NA token),
// never a null.
std::optional<core::Finding> check_non_finite(const core::Column& column, const Options& options);

// distinct_count of non-null values; flags columns with fewer than two.
core::Finding check_constant(const core::Column& column, const ColumnFacts& facts, const Options& options);

// top_value_share = count of the most frequent value / non-null values.
// Applies when there are at least two distinct values.
std::optional<core::Finding> check_near_constant(const core::Column& column, const ColumnFacts& facts,
                                                 const Options& options);

// unique_share = distinct / non-null values of int64 and text columns with
// at least min_rows values; an int64 column that is strictly monotonic in
// row order is flagged at the warn level whatever its share.
std::optional<core::Finding> check_id_like(const core::Column& column, const ColumnFacts& facts,
                                           const Options& options);

// distinct_share = distinct / non-null values of text (categorical or
// string) columns with at least min_rows values.
std::optional<core::Finding> check_high_cardinality(const core::Column& column, const ColumnFacts& facts,
                                                    const Options& options);

// blank_share = empty or white-space-only values / non-null values. Text columns.
std::optional<core::Finding> check_blank_strings(const core::Column& column, const Options& options);

// minority_type_share: in a text column, values that parse as numbers and
// values that do not; the share of the rarer of the two among non-null values.
std::optional<core::Finding> check_mixed_types(const core::Column& column, const Options& options);

// outlier_share among finite values of float64 and int64 columns: modified
// z-score |0.6745 (x - median) / MAD| > z (Iglewicz & Hoaglin 1993; when
// MAD is 0, the mean absolute deviation scaled by 1.253314 stands in), or
// Tukey's fences [Q1 - k IQR, Q3 + k IQR] (Tukey 1977) with outliers.method
// = iqr. Quartiles follow numpy's linear interpolation.
std::optional<core::Finding> check_outliers(const core::Column& column, const ColumnFacts& facts,
                                            const Options& options);

}  // namespace assay::quality
