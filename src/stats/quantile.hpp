#pragma once
// Quantiles of sorted data with linear interpolation between order
// statistics: numpy.quantile(method="linear"), pandas Series.quantile,
// Hyndman & Fan (1996) definition 7.

#include <cstdint>
#include <span>

namespace assay::stats {

// q in [0, 1]; `sorted` ascending with no NaN. NaN when `sorted` is empty.
double quantile_sorted(std::span<const double> sorted, double q);
double quantile_sorted(std::span<const std::int64_t> sorted, double q);

}  // namespace assay::stats
