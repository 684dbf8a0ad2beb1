#pragma once
// DeLong's test of two correlated ROC AUCs: two models scored on the same
// rows (DeLong, DeLong & Clarke-Pearson 1988, "Comparing the areas under two
// or more correlated receiver operating characteristic curves").
//
// Each AUC is the mean of its structural components (placements): for a
// positive row, the share of negatives it outranks (ties one half), V10; for
// a negative row, the share of positives that outrank it, V01. The variance
// of the difference A2 - A1 (challenger - champion) is
//   var = s2(V10_2 - V10_1) / m + s2(V01_2 - V01_1) / n,
// s2 the sample variance (ddof 1) over the m positives and n negatives --
// the 1988 covariance form L S L' with L = (-1, 1), written as the variance
// of the paired differences. z = (A2 - A1) / sqrt(var), p = 2 P(Z > |z|).
//
// The components come from one sort per model, as in Sun & Xu 2014 ("Fast
// implementation of DeLong's algorithm", IEEE SPL): their midrank form,
// walked here tie group by tie group, O(n log n) instead of the O(m n)
// pairs. The AUC itself is stats::RocAucState fed the same tie groups, the
// project's one ROC AUC.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace assay::compare {

// One model's AUC and its components, in row order: placement[i] is V10 of
// row i when it is positive, V01 when negative. NaN AUC with one class.
struct AucComponents {
  double auc = 0.0;
  std::size_t positives = 0;
  std::size_t negatives = 0;
  std::vector<double> placement;
};

// `score` finite, `truth` 0/1 of the same length.
AucComponents auc_components(std::span<const double> score, std::span<const std::uint8_t> truth);

struct DeLongResult {
  std::size_t positives = 0;
  std::size_t negatives = 0;
  double auc_champion = 0.0;
  double auc_challenger = 0.0;
  double delta = 0.0;     // challenger - champion
  double variance = 0.0;  // of delta
  double se = 0.0;
  double z = 0.0;
  double p_value = 0.0;   // two-sided
  bool defined = false;   // false: delta and/or the test undefined; see reason
  std::string reason;
};

// Undefined (NaN fields, a reason) with fewer than two rows of either class,
// or when the variance is zero (the models order every pair alike).
DeLongResult delong(std::span<const std::uint8_t> truth, std::span<const double> champion,
                    std::span<const double> challenger);

}  // namespace assay::compare
