#pragma once
// ROC AUC of a score for binary labels, rank-based: the Mann-Whitney U
// statistic over n_pos * n_neg (Hanley & McNeil 1982), ties counted one
// half, which equals sklearn.metrics.roc_auc_score. Counting is exact in
// integers; only the final division rounds.
//
// Local to the quality engine until src/metrics' roc_auc can replace it.

#include <cstdint>
#include <span>
#include <vector>

namespace assay::quality {

// `score` must not hold NaN; `positive[i]` is 1 for the positive class.
// Sorts each class's scores (stats::radix_sort) and merges. NaN when either
// class is absent.
double rank_auc(std::span<const double> score, std::span<const std::uint8_t> positive);

// The same from each class's scores already sorted ascending (no NaN).
double sorted_auc(std::span<const double> positives, std::span<const double> negatives);

// The same when the scores come in groups sharing one score (e.g. the
// categories of a feature scored by their positive rate): O(k log k).
struct ScoreGroup {
  double score = 0.0;
  std::uint64_t positives = 0;
  std::uint64_t negatives = 0;
};
double grouped_auc(std::vector<ScoreGroup> groups);

}  // namespace assay::quality
