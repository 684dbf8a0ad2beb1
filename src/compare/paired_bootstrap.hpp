#pragma once
// The paired percentile bootstrap of a metric's difference, challenger -
// champion, on the same rows. Each resample draws one multiplicity per row
// (Poisson(1), metrics/poisson.hpp) and BOTH models are evaluated on that
// same resample, so the variation the two models share cancels in the
// difference: with positively correlated models the interval is much
// narrower than that of independent resamples per model (tested).
//
// The metric values come from the metrics engine with
// BootstrapOptions::paired (one implementation of each metric, one
// bootstrap); this file only subtracts them resample by resample.
//
// Interval: the (1 - level)/2 and (1 + level)/2 quantiles of the defined
// differences (Efron & Tibshirani 1993, ch. 13; numpy's linear
// interpolation). p-value: two-sided, from the share of differences on
// either side of zero, p = min(1, 2 (1 + min(#{d <= 0}, #{d >= 0})) / (B + 1))
// over the B resamples where both models are defined; the +1 keeps a finite
// bootstrap from claiming p = 0 (Davison & Hinkley 1997, ch. 4). It is below
// alpha roughly when the 1 - alpha interval excludes zero.

#include <cstdint>
#include <span>
#include <string>

#include "compare/bind.hpp"
#include "metrics/bootstrap.hpp"
#include "metrics/result.hpp"

namespace assay::compare {

struct DifferenceInterval {
  bool defined = false;  // false: see reason
  double low = 0.0;
  double high = 0.0;
  double level = 0.95;
  double p_value = 0.0;
  std::size_t resamples = 0;  // resamples where both models were defined
  std::string reason;
};

// From each model's resampled values, in the same resample order (NaN:
// undefined in that resample).
DifferenceInterval difference_interval(std::span<const double> champion, std::span<const double> challenger,
                                       double level);

// The resampled values of `metric` for one side on `subset` (bound rows):
// NaN where undefined; all NaN when the metric was never defined.
std::vector<double> resampled_metric(const Bound& bound, bool challenger, double threshold,
                                     std::span<const std::uint32_t> subset, const std::string& metric,
                                     const metrics::BootstrapOptions& options);

// Both sides with the same options (the same seed: paired resamples).
DifferenceInterval paired_bootstrap(const Bound& bound, double threshold, std::span<const std::uint32_t> subset,
                                    const std::string& metric, const metrics::BootstrapOptions& options);

}  // namespace assay::compare
