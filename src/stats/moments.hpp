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

// Pairwise summation as numpy's `add.reduce` does it (blocks of 128 summed
// with 8 accumulators, halves summed recursively): rounding error grows as
// O(log n), and results match numpy's to the last bits on the same order.
double pairwise_sum(std::span<const double> values) noexcept;

// Pairwise sum of (x - center)^2.
double pairwise_sum_squared_deviations(std::span<const double> values, double center) noexcept;

struct MeanVariance {
  double mean;
  double variance;  // with the given ddof
  double std_dev;   // sqrt(variance), finite even where variance overflows
};

// Two-pass mean and variance of values (no NaN expected), as numpy's
// mean and var(ddof) compute them.
MeanVariance mean_variance(std::span<const double> values, double ddof = 1.0) noexcept;

}  // namespace assay::stats
