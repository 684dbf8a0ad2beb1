#pragma once
// Mutual information between two discrete variables, and the
// discretisations that turn columns into codes for it.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/column.hpp"

namespace assay::quality {

struct MutualInformation {
  double mi = 0.0;         // nats, as sklearn.metrics.mutual_info_score
  double entropy_y = 0.0;  // nats, of y over the same rows
  double normalized = 0.0; // mi / entropy_y (Theil's uncertainty coefficient U(y|x)); NaN when entropy_y is 0
  std::size_t rows = 0;    // rows where both codes are present
};

// x codes in [0, kx) and y codes in [0, ky); -1 marks a missing value and
// drops the row.
MutualInformation mutual_information(std::span<const std::int32_t> x, std::int32_t kx,
                                     std::span<const std::int32_t> y, std::int32_t ky);

struct Codes {
  std::vector<std::int32_t> code;  // per row, -1 for null (or NaN)
  std::int32_t count = 0;          // codes are in [0, count)
};

// Equal-frequency bins of a numeric column (float64, int64, bool,
// timestamp) by the project's one rule (stats/quantile_bins.hpp) fitted on
// its non-NaN values: a column with at most `bins` distinct values gets one
// bin per value, others the quantile bins i / bins.
Codes quantile_bins(std::span<const double> values, std::size_t bins);

// Codes of a column's values for MI: numbers binned as above, text by
// category with categories of fewer than `min_rows` rows pooled into one.
Codes feature_codes(const core::Column& column, std::size_t bins, std::size_t min_rows);

// Per row, the value of a column as a double: numbers as they are, text as
// the rank of the text in byte order (equal texts share a rank). NaN when null.
std::vector<double> order_scores(const core::Column& column);

}  // namespace assay::quality
