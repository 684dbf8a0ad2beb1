#pragma once
// Anderson-Darling k-sample test for two samples, midrank version
// (Scholz & Stephens 1987, A2akN of eq. 7), standardised and with the
// p-value interpolated from their Table 2 exactly as scipy 1.10's
// anderson_ksamp(midrank=True): a quadratic fit of log(significance) on the
// critical values, capped to [0.001, 0.25] outside the table (scipy warns
// there; we set `capped`).

#include <optional>
#include <span>

namespace assay::drift {

struct AndersonResult {
  double statistic = 0.0;  // standardised A2 (scipy's `statistic`)
  double p_value = 0.25;
  bool capped = false;     // p-value at the table's edge: true value beyond it
};

// a and b ascending, without NaN, each with at least one value.
// nullopt when the pooled sample has fewer than two distinct values or
// fewer than four values (the variance of A2 is undefined there).
std::optional<AndersonResult> anderson_2samp(std::span<const double> a, std::span<const double> b);

}  // namespace assay::drift
