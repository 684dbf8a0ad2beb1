#include "stats/quantile_bins.hpp"

#include <algorithm>

#include "stats/quantile.hpp"

namespace assay::stats {

namespace {

// Distinct values of an ascending sample, or nothing once there are more
// than `limit` (binary searches skip each run, so long runs cost O(log n)).
std::vector<double> distinct_up_to(std::span<const double> sorted, std::size_t limit) {
  std::vector<double> out;
  auto it = sorted.begin();
  while (it != sorted.end()) {
    if (out.size() == limit) return {};
    out.push_back(*it);
    it = std::upper_bound(it, sorted.end(), *it);
  }
  return out;
}

}  // namespace

std::size_t QuantileBins::bin_of(double x) const {
  if (by_value) {
    const auto it = std::lower_bound(points.begin(), points.end(), x);
    return it != points.end() && *it == x ? static_cast<std::size_t>(it - points.begin()) : sample_bins;
  }
  if (x < low) return sample_bins;
  if (x > high) return sample_bins + 1;
  return static_cast<std::size_t>(std::lower_bound(points.begin(), points.end(), x) - points.begin());
}

QuantileBins quantile_bins(std::span<const double> sorted, std::size_t bins) {
  QuantileBins out;
  std::vector<double> distinct = distinct_up_to(sorted, std::max<std::size_t>(bins, 1));
  if (sorted.empty() || !distinct.empty()) {
    out.by_value = true;
    out.points = std::move(distinct);
    out.sample_bins = out.points.size();
    out.count = out.sample_bins + 1;
    return out;
  }
  out.low = sorted.front();
  out.high = sorted.back();
  for (std::size_t i = 1; i < bins; ++i) {
    const double q = quantile_sorted(sorted, static_cast<double>(i) / static_cast<double>(bins));
    // An edge at the maximum would leave an always-empty last inner bin.
    if (q < out.high && (out.points.empty() || q > out.points.back())) out.points.push_back(q);
  }
  out.sample_bins = out.points.size() + 1;
  out.count = out.sample_bins + 2;
  return out;
}

std::vector<double> bin_counts(const QuantileBins& bins, std::span<const double> sorted) {
  std::vector<double> counts(bins.count, 0.0);
  const auto upto = [&](double x) {
    return static_cast<std::size_t>(std::upper_bound(sorted.begin(), sorted.end(), x) - sorted.begin());
  };
  const auto before = [&](double x) {
    return static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), x) - sorted.begin());
  };
  if (bins.by_value) {
    std::size_t matched = 0;
    for (std::size_t i = 0; i < bins.points.size(); ++i) {
      const std::size_t n = upto(bins.points[i]) - before(bins.points[i]);
      counts[i] = static_cast<double>(n);
      matched += n;
    }
    counts[bins.sample_bins] = static_cast<double>(sorted.size() - matched);
    return counts;
  }
  const std::size_t below = before(bins.low);
  const std::size_t in_range_end = upto(bins.high);
  std::size_t done = below;
  for (std::size_t i = 0; i < bins.points.size(); ++i) {
    const std::size_t end = upto(bins.points[i]);
    counts[i] = static_cast<double>(end - done);
    done = end;
  }
  counts[bins.points.size()] = static_cast<double>(in_range_end - done);
  counts[bins.sample_bins] = static_cast<double>(below);
  counts[bins.sample_bins + 1] = static_cast<double>(sorted.size() - in_range_end);
  return counts;
}

}  // namespace assay::stats
