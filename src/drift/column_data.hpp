#pragma once
// The two sides of one column, ready for comparison: numeric values sorted
// once (nulls dropped), or category counts aligned by category name (each
// file has its own dictionary, so codes are matched by their strings).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/column.hpp"

namespace assay::drift {

// Valid cells that hold no finite number: +inf, -inf, and NaN that is not
// marked null. They never enter a statistic; they are counted instead.
struct NonFinite {
  std::size_t positive_infinite = 0;
  std::size_t negative_infinite = 0;
  std::size_t nan = 0;
  std::size_t total() const { return positive_infinite + negative_infinite + nan; }
};

// Finite non-null values of a float64/int64 column, ascending, with the
// nulls and the non-finite values counted. `rows` selects a subset of rows
// (all rows when empty).
struct NumericSide {
  std::vector<double> sorted;
  std::size_t nulls = 0;
  NonFinite non_finite;
};
NumericSide numeric_side(const core::Column& column, std::span<const std::uint32_t> rows = {});

// A categorical view of a categorical, bool or string column: a code per
// row (-1 when null) into labels. Bool labels are "false" and "true"; string
// columns get labels in order of first appearance.
struct LabeledCodes {
  std::vector<std::int32_t> codes;
  std::vector<std::string> labels;
};
LabeledCodes labeled_codes(const core::Column& column);

// Counts per category label of a categorical, bool or string column, in
// label order (see labeled_codes); labels with no rows in the selection
// have count 0.
struct CategoricalSide {
  std::vector<std::string> labels;
  std::vector<double> counts;
  std::size_t nulls = 0;
};
CategoricalSide categorical_side(const core::Column& column, std::span<const std::uint32_t> rows = {});

// Distinct values of a sorted numeric side as categories (labels formatted
// shortest round-trip, e.g. "0", "1", "2.5").
CategoricalSide categories_of(const NumericSide& side);

// Reference and current counts over the union of categories that occur on
// either side: reference categories first (dictionary order), then the
// categories only the current side has.
struct AlignedCounts {
  std::vector<std::string> labels;
  std::vector<double> reference;
  std::vector<double> current;
  std::size_t unseen_categories = 0;  // categories absent from the reference
  double unseen_rows = 0.0;           // current rows in those categories
  std::vector<std::string> unseen_examples;  // up to 5 of them
};
AlignedCounts align(const CategoricalSide& reference, const CategoricalSide& current);

// Number of distinct values of two sorted samples pooled, counting no
// further than `limit` + 1.
std::size_t pooled_distinct(std::span<const double> a, std::span<const double> b, std::size_t limit);

}  // namespace assay::drift
