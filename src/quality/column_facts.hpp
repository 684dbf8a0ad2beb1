#pragma once
// ColumnFacts: what several per-column checks need, computed once per column
// (sort once, reuse: DESIGN.md). Numeric columns are sorted with
// stats::radix_sort (float64) or std::sort (int64, timestamp); text columns
// are counted by code (categorical) or by 128-bit hash (string).

#include <cstddef>
#include <string>
#include <vector>

#include "core/column.hpp"

namespace assay::quality {

struct ColumnFacts {
  std::size_t values = 0;     // non-null values
  std::size_t distinct = 0;   // distinct non-null values (NaN counts as one value)
  std::size_t top_count = 0;  // occurrences of the most frequent value
  std::string top_value;      // its text; the smallest value on ties
  // Strictly increasing / decreasing in row order, ignoring nulls (float64,
  // int64 and timestamp columns with at least two values).
  bool increasing = false;
  bool decreasing = false;
  // float64, int64, timestamp: the non-null values ascending, as doubles,
  // NaN last. Empty for other kinds.
  std::vector<double> sorted;
};

ColumnFacts column_facts(const core::Column& column);

// The same for a float64 column whose non-null values are already sorted
// (as stats::radix_sort orders them), e.g. by sort_with_auc.
ColumnFacts column_facts(const core::Column& column, std::vector<double> sorted);

}  // namespace assay::quality
