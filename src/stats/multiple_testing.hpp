#pragma once
// Multiple-testing adjustments of p-values, in the input order (as
// statsmodels' multipletests returns them):
//   bonferroni_adjust: min(1, m p)
//   benjamini_hochberg_adjust: Benjamini & Hochberg (1995) step-up adjusted
//     p-values, min over k >= i of m p_(k) / k, capped at 1
//     (multipletests(method='fdr_bh')). Ties keep the input order.
// NaN p-values are not expected (callers leave undefined tests out).

#include <span>
#include <vector>

namespace assay::stats {

std::vector<double> bonferroni_adjust(std::span<const double> p_values);
std::vector<double> benjamini_hochberg_adjust(std::span<const double> p_values);

}  // namespace assay::stats
