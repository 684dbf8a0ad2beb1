// The bootstrap interval is honest: a 95% percentile interval for ROC AUC
// from the metrics engine covers the true AUC in about 95% of data sets.
//
// Data-generating process with a closed-form AUC (binormal model, Hanley &
// McNeil 1982): negative scores ~ N(0, 1), positive scores ~ N(d, 1), so
// AUC = P(X_pos > X_neg) = Phi(d / sqrt(2)). Each data set has n rows with a
// Bernoulli(0.4) label and its own bootstrap seed; scores are rounded to 2
// decimals so ties occur (the AUC of the rounded normals, ties counted one
// half, is 0.7602481 against Phi(1 / sqrt 2) = 0.7602499: 2e-6 apart,
// summed exactly over the 0.01 grid with scipy.stats.norm).
//
// With 400 data sets the coverage estimate has a standard error of
// sqrt(0.95 * 0.05 / 400) = 1.1 points, so the band 93-97% is about +-1.8
// standard errors around 95% (the draws are fixed by the seed, so the
// outcome is too); percentile intervals under-cover a little at small n
// (Efron & Tibshirani 1993, ch. 14), which n = 400 rows keeps inside it. 300
// resamples per interval keep the test near 20 s under the sanitizers.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "core/random.hpp"
#include "metrics/binary.hpp"

namespace assay::metrics {
namespace {

TEST(BootstrapCoverage, RocAucPercentileIntervalCoversTheTrueAuc) {
  constexpr double d = 1.0;
  const double true_auc = 0.5 * std::erfc(-d / 2.0);  // Phi(d / sqrt 2) = erfc(-x / sqrt 2) / 2 at x = d / sqrt 2
  constexpr std::size_t kDataSets = 400, kRows = 400;
  core::Random rng(20261203);
  std::size_t covered = 0, below = 0, above = 0;
  std::vector<std::uint8_t> truth(kRows);
  std::vector<double> score(kRows);
  for (std::size_t set = 0; set < kDataSets; ++set) {
    for (std::size_t i = 0; i < kRows; ++i) {
      truth[i] = rng.bernoulli(0.4) ? 1 : 0;
      score[i] = std::round((rng.normal() + (truth[i] != 0 ? d : 0.0)) * 100.0) / 100.0;
    }
    const BinaryInputs in{.truth = truth, .score = score};
    const Result r = evaluate_binary(in, {.bootstrap = {.resamples = 300, .level = 0.95, .seed = set, .metrics = {"roc_auc"}}});
    ASSERT_EQ(r.bootstrap.intervals.size(), 1u);
    const Interval& ci = r.bootstrap.intervals[0];
    if (true_auc < ci.low) {
      ++below;
    } else if (true_auc > ci.high) {
      ++above;
    } else {
      ++covered;
    }
  }
  const double coverage = static_cast<double>(covered) / kDataSets;
  EXPECT_GE(coverage, 0.93) << "true AUC above the interval " << above << " times, below it " << below << " times";
  EXPECT_LE(coverage, 0.97) << "intervals too wide: above " << above << ", below " << below;
  // Misses on both sides, roughly balanced: an interval biased one way
  // would show up here before it shows in the coverage.
  EXPECT_GT(below, kDataSets / 200);
  EXPECT_GT(above, kDataSets / 200);
}

}  // namespace
}  // namespace assay::metrics
