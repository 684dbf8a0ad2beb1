#pragma once
// Two-sample Kolmogorov-Smirnov test, two-sided, as scipy.stats.ks_2samp
// (scipy 1.10) with method='auto': the exact null distribution when both
// samples have at most 10,000 values (Hodges 1958; Viehmann 2021's stable
// recursion; the n1 == n2 closed form), otherwise kstwo.sf(D, round(en))
// with en = n1 n2 / (n1 + n2). As in scipy, the exact branch reports
// D rounded to the lattice h / lcm(n1, n2), and falls back to the
// asymptotic p-value if the exact computation fails.

#include <cstdint>
#include <span>

namespace assay::drift {

struct KsResult {
  double statistic = 0.0;  // D = sup |F_a - F_b|
  double p_value = 1.0;
  bool exact = false;      // which p-value method was used
};

// a and b ascending, without NaN, both non-empty.
KsResult ks_2samp(std::span<const double> a, std::span<const double> b);

// The pieces, exposed for tests: Pr(D >= h / lcm) under the null.
double ks_exact_p_equal(std::int64_t n, std::int64_t h);
double ks_exact_p_unequal(std::int64_t m, std::int64_t n, std::int64_t g, std::int64_t h);

}  // namespace assay::drift
