#pragma once
// A streaming compensated sum (Neumaier 1974), for weighted means that must
// agree with numpy's pairwise sums to ~1e-15 relative on millions of rows.
// (stats::stable_sum does the same over a whole span.)

namespace assay::metrics {

struct CompensatedSum {
  double sum = 0.0;
  double compensation = 0.0;

  void add(double x) noexcept {
    const double t = sum + x;
    // Neumaier: keep the low-order bits of whichever operand was smaller.
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

}  // namespace assay::metrics
