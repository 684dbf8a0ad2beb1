#pragma once
// Welch's unequal-variance t-test (Welch 1947), two-sided, as
// scipy.stats.ttest_ind(a, b, equal_var=False) computes it:
//   t  = (mean_a - mean_b) / sqrt(v_a/n_a + v_b/n_b)     (v: variance, ddof 1)
//   df = (v_a/n_a + v_b/n_b)^2 / ((v_a/n_a)^2/(n_a-1) + (v_b/n_b)^2/(n_b-1))
//   p  = 2 * P(T_df > |t|)                                (Student's t)
// Undefined (NaN t, df and p) when a sample has fewer than two values or
// both variances are zero; scipy returns nan there too.

#include <cstddef>
#include <span>

namespace assay::stats {

// A sample's size, mean and variance (ddof 1): all the test needs, so
// callers that accumulate sums per group need not keep the values.
struct SampleSummary {
  double count = 0.0;
  double mean = 0.0;
  double variance = 0.0;
};

struct WelchResult {
  double t;
  double df;
  double p_value;  // two-sided
};

WelchResult welch_t_test(const SampleSummary& a, const SampleSummary& b);

// The summaries by stats::mean_variance (two-pass), then the test.
WelchResult welch_t_test(std::span<const double> a, std::span<const double> b);

}  // namespace assay::stats
