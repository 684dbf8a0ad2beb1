#pragma once
// Target leakage within one dataset (Kaufman et al., "Leakage in Data
// Mining", TKDD 2012): a feature, an id or the row order that predicts the
// target by itself so well that it probably encodes the label.
//
// Binary target: single-feature ROC AUC, reported as max(auc, 1 - auc).
// Numeric features score by value; text features by the positive rate of
// their category, categories with fewer than target_leakage.min_category_rows
// rows pooled (so a unique-per-row text does not score 1 by memorising).
// Nulls are left out of the AUC. Any other target (more classes, or
// continuous and then binned): mutual information between the binned
// feature and the target over the target's entropy (Theil's U), with nulls
// as missing.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "quality/options.hpp"

namespace assay::quality {

// A two-class target: per row 1 (the second class in value order), 0, or
// -1 when missing.
struct BinaryTarget {
  std::vector<std::int8_t> label;
  std::string positive;
};

// nullopt unless the column has exactly two classes (classes.hpp).
std::optional<BinaryTarget> binary_target(const core::Column& target, const Options& options);

// The non-null values of a numeric column (float64, int64, bool, timestamp)
// ascending as doubles (NaN last) and their ROC AUC as scores for `target`,
// from one radix sort per class and a merge: the sort that the column's
// other statistics need gives the AUC almost for free.
struct SortedScores {
  std::vector<double> sorted;
  double auc = 0.0;       // NaN when a class is absent among scored rows
  std::size_t rows = 0;   // rows with both a label and a non-NaN value
};
SortedScores sort_with_auc(const core::Column& column, const BinaryTarget& target);

// The finding "leakage.target.<feature>" for a single-feature AUC.
core::Finding feature_auc_finding(const core::Column& feature, double auc, std::size_t rows,
                                  std::string_view target, const Options& options);

// One finding per feature: "leakage.target.<feature>", judged with
// target_auc (binary) or target_mi.
std::vector<core::Finding> check_target_leakage(const core::Table& table, std::string_view target,
                                                std::span<const std::size_t> features, const Options& options);

// "leakage.row_order.dataset": the row number as a score; and, when `id` is
// given, "leakage.id_target.<id>": the id's value (text ids by their sort
// rank) as a score. Judged with id_auc (binary) or id_mi.
std::vector<core::Finding> check_id_leakage(const core::Table& table, std::string_view target,
                                            std::optional<std::string_view> id, const Options& options);

}  // namespace assay::quality
