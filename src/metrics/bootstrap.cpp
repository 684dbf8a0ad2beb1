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

BootstrapSummary bootstrap(const std::vector<std::string>& metrics, const BootstrapOptions& options,
                           const ResampleFunction& resample) {
  BootstrapSummary summary;
  summary.resamples = options.resamples;
  summary.level = options.level;
  summary.seed = options.seed;
  const std::size_t m = metrics.size();
  const std::size_t b = options.resamples;
  if (b == 0 || m == 0) return summary;

  std::vector<double> values(b * m);  // resample-major
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, b, 1), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t r = range.begin(); r != range.end(); ++r) {
      resample(PoissonWeights(options.seed, r), std::span<double>(values).subspan(r * m, m));
    }
  });

  std::vector<double> column(b);
  for (std::size_t k = 0; k < m; ++k) {
    for (std::size_t r = 0; r < b; ++r) column[r] = values[r * m + k];
    Interval interval{.metric = metrics[k]};
    if (percentile_interval(column, options.level, interval)) summary.intervals.push_back(std::move(interval));
  }
  return summary;
}

}  // namespace assay::metrics
