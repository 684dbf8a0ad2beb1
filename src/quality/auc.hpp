#pragma once
// ROC AUC of a score for binary labels, rank-based: the Mann-Whitney U
// statistic over n_pos * n_neg (Hanley & McNeil 1982), ties counted one
// half, which equals sklearn.metrics.roc_auc_score. One radix argsort
// (stats::argsort), then exact integer counting.
//
// Local to the quality engine until src/metrics' roc_auc can replace it.

#include <cstdint>
#include <span>

namespace assay::quality {

// `score` must not hold NaN; `positive[i]` is 1 for the positive class.
// NaN when either class is absent.
double rank_auc(std::span<const double> score, std::span<const std::uint8_t> positive);

}  // namespace assay::quality
