#include "compare/paired_bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "compare/model_metrics.hpp"

namespace assay::compare {

DifferenceInterval difference_interval(std::span<const double> champion, std::span<const double> challenger,
                                       double level) {
  DifferenceInterval out;
  out.level = level;
  std::vector<double> difference;
  const std::size_t b = std::min(champion.size(), challenger.size());
  difference.reserve(b);
  std::size_t at_most_zero = 0, at_least_zero = 0;
  for (std::size_t r = 0; r < b; ++r) {
    if (std::isnan(champion[r]) || std::isnan(challenger[r])) continue;
    const double d = challenger[r] - champion[r];
    difference.push_back(d);
    at_most_zero += d <= 0.0 ? 1 : 0;
    at_least_zero += d >= 0.0 ? 1 : 0;
  }
  if (difference.empty()) {
    out.reason = b == 0 ? "no bootstrap resamples (--resamples 0)"
                        : "the metric is undefined in every resample of one of the models";
    return out;
  }
  metrics::Interval interval;
  metrics::percentile_interval(difference, level, interval);
  out.low = interval.low;
  out.high = interval.high;
  out.resamples = difference.size();
  const double tail = static_cast<double>(std::min(at_most_zero, at_least_zero));
  out.p_value = std::min(1.0, 2.0 * (1.0 + tail) / (static_cast<double>(difference.size()) + 1.0));
  out.defined = true;
  return out;
}

std::vector<double> resampled_metric(const Bound& bound, bool challenger, double threshold,
                                     std::span<const std::uint32_t> subset, const std::string& metric,
                                     const metrics::BootstrapOptions& options) {
  metrics::BootstrapOptions paired = options;
  paired.paired = true;
  paired.metrics = {metric};
  const metrics::Result result =
      evaluate_side(bound, challenger ? Side::challenger : Side::champion, threshold, subset, paired);
  for (const auto& interval : result.bootstrap.intervals) {
    if (interval.metric == metric) return interval.values;
  }
  return std::vector<double>(options.resamples, std::numeric_limits<double>::quiet_NaN());
}

DifferenceInterval paired_bootstrap(const Bound& bound, double threshold, std::span<const std::uint32_t> subset,
                                    const std::string& metric, const metrics::BootstrapOptions& options) {
  const std::vector<double> one = resampled_metric(bound, false, threshold, subset, metric, options);
  const std::vector<double> two = resampled_metric(bound, true, threshold, subset, metric, options);
  return difference_interval(one, two, options.level);
}

}  // namespace assay::compare
