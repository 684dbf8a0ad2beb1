#pragma once
// Tests of homogeneity for categorical columns, on category counts of the
// reference and the current sample (same category order, same length).
//
//   chi2_homogeneity: Pearson chi-squared on the 2 x K table without
//     continuity correction, as scipy.stats.chi2_contingency(correction=False).
//     Categories with zero count on both sides must be removed first (scipy
//     rejects zero expected frequencies). One category: statistic 0, p 1.
//   two_proportion_z: pooled two-proportion z-test of the share of category
//     0, two-sided, p = 2 * norm.sf(|z|) (the test Evidently's `z` runs).
//     Undefined (nullopt) when the pooled share is 0 or 1.
//   fisher_exact: two-sided Fisher exact test of the 2 x 2 table, as
//     scipy.stats.fisher_exact (hypergeometric pmf from Boost.Math, scipy's
//     1e-14 relative tolerance for "as extreme"); statistic is the odds ratio.

#include <cstdint>
#include <optional>
#include <span>

namespace assay::drift {

struct TestStatistic {
  double statistic = 0.0;
  double p_value = 1.0;
  double dof = 0.0;  // chi-squared only
};

TestStatistic chi2_homogeneity(std::span<const double> reference, std::span<const double> current);
std::optional<TestStatistic> two_proportion_z(double ref_hits, double ref_total, double cur_hits, double cur_total);
// Table [[a, b], [c, d]].
TestStatistic fisher_exact(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d);

}  // namespace assay::drift
