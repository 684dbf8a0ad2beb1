#pragma once
// Moments: count, mean and sum of squared deviations with update/merge, so
// one state serves batch, streaming and partial-result merging.
// Update is Welford (1962); merge is Chan, Golub & LeVeque (1979).
// For whole columns prefer mean_variance(), a two-pass computation that
// matches numpy/pandas to the last digits.

#include <cstdint>
#include <span>

namespace assay::stats {

struct Moments {
  double count = 0.0;  // sum of weights (a count when unweighted)
  double mean = 0.0;
  double m2 = 0.0;     // sum of w * (x - mean)^2

  void update(double x, double weight = 1.0) noexcept;
  void merge(const Moments& other) noexcept;
  // Variance with `ddof` delta degrees of freedom (pandas default 1); NaN
  // when count <= ddof.
  double variance(double ddof = 1.0) const noexcept;
};

// Compensated (Neumaier) sum.
double stable_sum(std::span<const double> values) noexcept;

struct MeanVariance {
  double mean;
  double variance;  // with the given ddof
};

// Two-pass mean and variance of values (no NaN expected), as numpy's
// mean and var(ddof) compute them up to rounding.
MeanVariance mean_variance(std::span<const double> values, double ddof = 1.0) noexcept;

}  // namespace assay::stats
