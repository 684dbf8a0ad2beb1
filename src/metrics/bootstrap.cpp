#include "metrics/bootstrap.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "stats/quantile.hpp"

namespace assay::metrics {

bool percentile_interval(std::vector<double> values, double level, Interval& out) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
  if (values.empty()) return false;
  std::sort(values.begin(), values.end());
  out.low = stats::quantile_sorted(values, (1.0 - level) / 2.0);
  out.high = stats::quantile_sorted(values, (1.0 + level) / 2.0);
  out.resamples = values.size();
  return true;
}

std::vector<std::string> select_metrics(const std::vector<std::string>& candidates, const BootstrapOptions& options) {
  if (options.metrics.empty()) return candidates;
  std::vector<std::string> out;
  for (const auto& name : candidates) {
    if (std::find(options.metrics.begin(), options.metrics.end(), name) != options.metrics.end()) out.push_back(name);
  }
  return out;
}

namespace {

BootstrapSummary summarise(const std::vector<std::string>& metrics, const BootstrapOptions& options,
                           const std::vector<double>& values) {
  BootstrapSummary summary;
  summary.resamples = options.resamples;
  summary.level = options.level;
  summary.seed = options.seed;
  const std::size_t m = metrics.size();
  const std::size_t b = options.resamples;
  std::vector<double> column(b);
  for (std::size_t k = 0; k < m; ++k) {
    for (std::size_t r = 0; r < b; ++r) column[r] = values[r * m + k];
    Interval interval{.metric = metrics[k]};
    if (percentile_interval(column, options.level, interval)) {
      if (options.paired) interval.values = column;
      summary.intervals.push_back(std::move(interval));
    }
  }
  return summary;
}

}  // namespace

BootstrapSummary bootstrap_pairs(const std::vector<std::string>& metrics, const BootstrapOptions& options,
                                 const PairFunction& resample_pair) {
  const std::size_t m = metrics.size();
  const std::size_t b = options.resamples;
  if (b == 0 || m == 0) return summarise({}, options, {});
  // One extra slot row so an odd count can compute its last pair whole.
  std::vector<double> values((b + 1) * m);  // resample-major
  const std::size_t pairs = (b + 1) / 2;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pairs, 1), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t p = range.begin(); p != range.end(); ++p) {
      std::span<double> all(values);
      resample_pair(PoissonPair(options.seed, p), all.subspan(2 * p * m, m), all.subspan((2 * p + 1) * m, m));
    }
  });
  values.resize(b * m);
  return summarise(metrics, options, values);
}

BootstrapSummary bootstrap(const std::vector<std::string>& metrics, const BootstrapOptions& options,
                           const ResampleFunction& resample) {
  const std::size_t m = metrics.size();
  const std::size_t b = options.resamples;
  if (b == 0 || m == 0) return summarise({}, options, {});
  std::vector<double> values(b * m);  // resample-major
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, b, 1), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t r = range.begin(); r != range.end(); ++r) {
      resample(PoissonWeights(options.seed, r), std::span<double>(values).subspan(r * m, m));
    }
  });
  return summarise(metrics, options, values);
}

}  // namespace assay::metrics
