#pragma once
// Percentile bootstrap intervals (Efron & Tibshirani 1993, ch. 13) over
// Poisson(1)-weighted resamples (metrics/poisson.hpp), run in parallel with
// oneTBB. Each resample is computed serially by one task, so the intervals
// are the same for a seed whatever the number of threads.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "metrics/poisson.hpp"
#include "metrics/result.hpp"

namespace assay::metrics {

struct BootstrapOptions {
  std::size_t resamples = 1000;  // 0: no bootstrap
  double level = 0.95;           // central coverage, in (0, 1)
  std::uint64_t seed = 0;
  std::vector<std::string> metrics;  // metrics to give intervals; empty: all
  // Paired use (compare/paired_bootstrap.hpp): every row's multiplicity is
  // drawn by its row index alone (no per-cell Poisson(c) draws), and each
  // Interval keeps its resampled values, so two models evaluated on the same
  // rows with the same seed are resampled alike and can be subtracted
  // resample by resample.
  bool paired = false;
};

// The names of `candidates` that `options.metrics` selects (all when empty).
std::vector<std::string> select_metrics(const std::vector<std::string>& candidates, const BootstrapOptions& options);

// Fills values[m] with metric m on the resample weighted by `weights`; NaN
// when the metric is undefined on that resample.
using ResampleFunction = std::function<void(const PoissonWeights& weights, std::span<double> values)>;

// Fills `even` and `odd` with the metrics of resamples 2p and 2p + 1, whose
// multiplicities `draws` gives: for kernels that draw two resamples per hash.
using PairFunction =
    std::function<void(const PoissonPair& draws, std::span<double> even, std::span<double> odd)>;

// As bootstrap() below, two resamples per call of `resample_pair`.
BootstrapSummary bootstrap_pairs(const std::vector<std::string>& metrics, const BootstrapOptions& options,
                                 const PairFunction& resample_pair);

// Runs `resample` options.resamples times and returns, for each metric defined
// in at least one resample, the interval between the (1 - level)/2 and
// (1 + level)/2 quantiles of its resampled values (numpy's linear
// interpolation), and how many resamples it was defined in.
BootstrapSummary bootstrap(const std::vector<std::string>& metrics, const BootstrapOptions& options,
                           const ResampleFunction& resample);

// The interval of already computed resampled values (NaN ignored); false when
// none is defined.
bool percentile_interval(std::vector<double> values, double level, Interval& out);

}  // namespace assay::metrics
