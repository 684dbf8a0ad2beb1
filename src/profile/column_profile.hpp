#pragma once
// Column profiles: what `assay profile` reports for each column.
//
// Numeric statistics follow pandas: nulls are left out; std has ddof = 1;
// percentiles interpolate linearly between order statistics
// (stats/quantile.hpp). Each column is sorted once and its distinct count,
// percentiles, min, max and most frequent values all come from that order.
//
// Non-finite values of a float64 column (+inf, -inf, and NaN read from a
// cell that is not an NA token) are counted, not averaged: min, max, mean,
// std and the percentiles describe the finite values only, and the counts
// say how many were left out (pandas' describe would give mean inf, std NaN
// and percentiles dragged to +-inf; docs/reading-data.md). They still count
// as values (count), and +-inf as distinct and frequent values.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/kind.hpp"
#include "core/table.hpp"

namespace assay::profile {

struct ValueCount {
  std::string value;  // rendered as text (timestamps in ISO-8601)
  std::size_t count = 0;
};

struct Percentile {
  double q = 0.0;  // in [0, 1]
  double value = 0.0;
};

struct ColumnProfile {
  std::string name;
  core::Kind kind = core::Kind::float64;
  std::size_t count = 0;     // non-null values, non-finite ones included
  std::size_t nulls = 0;     // null cells
  std::size_t distinct = 0;  // distinct non-null values (+-inf included, NaN not)
  // float64 only: non-null values that are not finite.
  std::size_t positive_infinities = 0;
  std::size_t negative_infinities = 0;
  std::size_t nans = 0;
  std::size_t non_finite() const noexcept { return positive_infinities + negative_infinities + nans; }
  // Numeric columns (float64, int64, bool as 0/1) and timestamps (ns); of
  // the finite values.
  std::optional<double> min, max, mean, std;
  std::vector<Percentile> percentiles;  // numeric and timestamp columns only
  // Most frequent values: count descending, then value ascending in the
  // column's own order (numbers by value, text by UTF-8 bytes).
  std::vector<ValueCount> top;
};

struct ProfileOptions {
  std::vector<double> percentiles{0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
  std::size_t top_k = 10;
};

ColumnProfile profile_column(const core::Column& column, const ProfileOptions& options = {});

// All columns, in parallel.
std::vector<ColumnProfile> profile_table(const core::Table& table, const ProfileOptions& options = {});

}  // namespace assay::profile
