#pragma once
// Scores sorted once, descending, and everything that follows from that one
// order: scikit-learn's _binary_clf_curve (cumulative weighted true and false
// positives at each distinct threshold), roc_auc_score, average_precision_score
// (the step-wise sum, no interpolation), ROC and precision-recall curves, and
// the thresholds that maximise F1 and Youden's J (Youden 1950).
// The bootstrap reuses the same order with resample weights (DESIGN.md,
// "Sort once, reuse").

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "metrics/result.hpp"
#include "stats/roc_auc.hpp"

namespace assay::metrics {

struct RankedScores {
  // Rows by descending score; equal scores in reverse row order, exactly as
  // scikit-learn's argsort(kind="mergesort")[::-1]. Rows of zero weight are
  // left out (scikit-learn drops them before finding thresholds).
  std::vector<std::uint32_t> order;
  // group_end[g] is the end (exclusive) in `order` of the g-th run of equal
  // scores, and group_score[g] its score.
  std::vector<std::uint32_t> group_end;
  std::vector<double> group_score;
};

// `score` must be free of NaN; `weight` empty means unit weights.
RankedScores rank_scores(std::span<const double> score, std::span<const double> weight);

// At each distinct score s, descending: weighted positives and negatives with
// score >= s.
struct ThresholdCounts {
  std::vector<double> threshold;
  std::vector<double> tps;
  std::vector<double> fps;
  stats::RocAucState<double> auc;  // fed the same groups (exact when unweighted)

  double positives() const noexcept { return tps.empty() ? 0.0 : tps.back(); }
  double negatives() const noexcept { return fps.empty() ? 0.0 : fps.back(); }
};

ThresholdCounts threshold_counts(const RankedScores& ranked, std::span<const std::uint8_t> truth,
                                 std::span<const double> weight);

// ROC AUC (stats/roc_auc.hpp: the Mann-Whitney U with ties counted one half,
// equal to scikit-learn's trapezoidal area). Undefined when the positives or
// the negatives weigh nothing.
Value roc_auc(const ThresholdCounts& counts);

// sum_i (R_i - R_{i-1}) P_i over thresholds. With no positives scikit-learn
// returns 0 (with a warning); so do we, with a note.
Value average_precision(const ThresholdCounts& counts);

// ROC points (fpr, tpr) starting at (0, 0) whose threshold is the highest
// score + 1 (as scikit-learn's roc_curve); PR points (recall, precision)
// starting at (0, 1). Both thinned to at most `max_points` points that keep
// the shape (a point is kept when it is at least 1/(max_points - 2) of the
// curve's L1 length away from the last kept one; the ends are always kept).
Curve roc_curve(const ThresholdCounts& counts, std::size_t max_points);
Curve pr_curve(const ThresholdCounts& counts, std::size_t max_points);

struct BestThreshold {
  double threshold = 0.0;  // predict positive when score >= threshold
  double value = 0.0;
};

// F1 = 2 TP / (TP + FP + P), maximised over thresholds; ties go to the highest
// threshold. Nullopt when there are no positives.
std::optional<BestThreshold> best_f1_threshold(const ThresholdCounts& counts);

// J = TPR - FPR = (TP N - FP P) / (P N), maximised over thresholds; ties go to
// the highest threshold. Nullopt unless both classes weigh something.
std::optional<BestThreshold> best_youden_threshold(const ThresholdCounts& counts);

}  // namespace assay::metrics
