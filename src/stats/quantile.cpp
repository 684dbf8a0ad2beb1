#include "stats/quantile.hpp"

#include <cmath>
#include <limits>

namespace assay::stats {

namespace {

template <class T>
double interpolate(std::span<const T> sorted, double q) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return static_cast<double>(sorted.back());
  const double frac = h - static_cast<double>(lo);
  // numpy's lerp form: exact at frac 0 and 1, monotone in between.
  const auto a = static_cast<double>(sorted[lo]);
  const auto b = static_cast<double>(sorted[lo + 1]);
  if (frac == 0.0 || a == b) return a;
  const double diff = b - a;
  return frac >= 0.5 ? b - diff * (1.0 - frac) : a + diff * frac;
}

}  // namespace

double quantile_sorted(std::span<const double> sorted, double q) { return interpolate(sorted, q); }

double quantile_sorted(std::span<const std::int64_t> sorted, double q) { return interpolate(sorted, q); }

}  // namespace assay::stats
