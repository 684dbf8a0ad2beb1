#pragma once
// A streaming compensated sum (Neumaier 1974, "Rundungsfehleranalyse einiger
// Verfahren zur Summation endlicher Summen"): the error stays a few ulps of
// the exact sum whatever the length, so long sums agree with numpy's
// pairwise sums to ~1e-15 relative. The one compensated sum of the project;
// update/merge/value like the other states. (pairwise_sum in moments.hpp
// is for reproducing numpy's own rounding over a whole span.)

namespace assay::stats {

struct CompensatedSum {
  double sum = 0.0;
  double compensation = 0.0;

  void add(double x) noexcept {
    const double t = sum + x;
    // Keep the low-order bits of whichever operand was smaller.
    if ((sum >= 0 ? sum : -sum) >= (x >= 0 ? x : -x)) {
      compensation += (sum - t) + x;
    } else {
      compensation += (x - t) + sum;
    }
    sum = t;
  }
  void merge(const CompensatedSum& other) noexcept {
    add(other.sum);
    compensation += other.compensation;
  }
  double value() const noexcept { return sum + compensation; }
};

}  // namespace assay::stats
