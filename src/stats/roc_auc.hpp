#pragma once
// ROC AUC, the one implementation: the Mann-Whitney U statistic over
// positives x negatives with ties counted one half (Hanley & McNeil 1982),
// which equals sklearn.metrics.roc_auc_score (its trapezoidal area over the
// ROC points is the same number).
//
// The state is fed tie groups -- all rows sharing one score -- from the
// highest score to the lowest, so that scores are sorted once and reused
// (DESIGN.md) and the bootstrap can feed resampled group sums without
// re-sorting. A negative in group g ranks below every positive seen before
// it and ties with the group's own positives, so
//   2U = sum_g neg_g * (2 * positives_before_g + pos_g).
// A = std::uint64_t counts exactly (unweighted); A = double takes weights.

#include <cstdint>
#include <limits>
#include <span>

namespace assay::stats {

template <class A>
struct RocAucState {
  A positives{};
  A negatives{};
  A twice_u{};  // 2U in (positive weight) x (negative weight) units

  // One tie group, groups in descending score order.
  void add_group(A group_positives, A group_negatives) noexcept {
    twice_u += group_negatives * (A{2} * positives + group_positives);
    positives += group_positives;
    negatives += group_negatives;
  }
  // Appends `lower`, a state whose scores are all below this one's.
  void merge_lower(const RocAucState& lower) noexcept {
    twice_u += lower.twice_u + A{2} * positives * lower.negatives;
    positives += lower.positives;
    negatives += lower.negatives;
  }
  bool defined() const noexcept { return positives > A{} && negatives > A{}; }
  // NaN when either class is absent (or weighs nothing).
  double value() const noexcept {
    if (!defined()) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(twice_u) / (2.0 * static_cast<double>(positives) * static_cast<double>(negatives));
  }
};

// ROC AUC of `score` (no NaN) for labels `positive` (nonzero: positive
// class): one stable argsort, then the tie groups. NaN with one class.
double roc_auc(std::span<const double> score, std::span<const std::uint8_t> positive);

// The same from each class's scores already sorted ascending (no NaN): a
// merge, no sort.
double roc_auc_sorted(std::span<const double> positives, std::span<const double> negatives);

}  // namespace assay::stats
