#pragma once
// The SliceLine slice score and its upper bound (Sagadeeva & Boehm,
// "SliceLine: Fast, Linear-Algebra-based Slice Finding for ML Model
// Debugging", SIGMOD 2021, section 3):
//   score(S) = alpha * (mean error of S / mean error overall - 1)
//            - (1 - alpha) * (n / |S| - 1)
// A slice scores above zero when its error ratio outweighs the penalty for
// being small. Every sub-slice S' of S has |S'| <= |S|, error sum <= that of
// S and largest row error <= that of S (and |S'| >= the minimum support to
// be examined at all); the upper bound is the best score such an S' could
// reach, so a slice whose bound is <= 0 has no sub-slice worth examining.

#include <algorithm>
#include <limits>

namespace assay::slices {

struct ScoreContext {
  double rows = 0.0;        // n, rows of the whole data
  double mean_error = 0.0;  // overall mean error, > 0
  double alpha = 0.95;
};

inline double sliceline_score(const ScoreContext& c, double count, double error_sum) {
  return c.alpha * ((error_sum / count) / c.mean_error - 1.0) - (1.0 - c.alpha) * (c.rows / count - 1.0);
}

// Best score of a slice of size s in [min_support, count] with error sum at
// most min(error_sum, s * error_max). As a function of s the score rises
// while the error is capped by s * error_max, and is monotone past that
// point, so its maximum is at one of three sizes (the paper's bound).
inline double sliceline_upper_bound(const ScoreContext& c, double min_support, double count, double error_sum,
                                    double error_max) {
  if (count < min_support || error_sum <= 0.0 || error_max <= 0.0) return -std::numeric_limits<double>::infinity();
  auto at = [&](double s) { return sliceline_score(c, s, std::min(error_sum, s * error_max)); };
  const double knee = std::clamp(error_sum / error_max, min_support, count);
  return std::max({at(min_support), at(knee), at(count)});
}

}  // namespace assay::slices
