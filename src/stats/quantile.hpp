#pragma once
// Quantiles of sorted data with linear interpolation between order
// statistics: numpy.quantile(method="linear"), pandas Series.quantile,
// Hyndman & Fan (1996) definition 7.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

namespace assay::stats {

// q in [0, 1]; `sorted` ascending with no NaN. NaN when `sorted` is empty.
// Any container with size() and operator[] converting to double.
template <class Sorted>
double quantile_sorted(const Sorted& sorted, double q) {
  if (sorted.size() == 0) return std::numeric_limits<double>::quiet_NaN();
  const double h = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return static_cast<double>(sorted[sorted.size() - 1]);
  const double frac = h - static_cast<double>(lo);
  // numpy's lerp form: exact at frac 0 and 1, monotone in between.
  const auto a = static_cast<double>(sorted[lo]);
  const auto b = static_cast<double>(sorted[lo + 1]);
  if (frac == 0.0 || a == b) return a;
  const double diff = b - a;
  return frac >= 0.5 ? b - diff * (1.0 - frac) : a + diff * frac;
}

}  // namespace assay::stats
