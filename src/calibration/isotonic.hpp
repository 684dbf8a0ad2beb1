#pragma once
// Isotonic calibration as scikit-learn 1.2's
// IsotonicRegression(increasing=True, out_of_bounds="clip"):
//  1. rows sorted by score; runs of scores within 1e-15 of the run's first
//     score (numpy.finfo(float64).resolution, scikit-learn's _make_unique)
//     become one point: the mean outcome, weighted by the run's size;
//  2. the weighted least-squares non-decreasing fit of those points by pool
//     adjacent violators (Ayer et al. 1955; Best & Chakravarti 1990);
//  3. interior points whose fitted value equals both neighbours' are dropped
//     (they lie on a flat segment, so predictions do not change);
//  4. a new score is clipped to [min, max] of the fitted scores and mapped by
//     linear interpolation between the points (scipy's interp1d).

#include <cstdint>
#include <span>
#include <vector>

namespace assay::calibration {

struct Isotonic {
  std::vector<double> x;  // ascending thresholds
  std::vector<double> y;  // non-decreasing fitted values
  double apply(double score) const noexcept;
};

Isotonic fit_isotonic(std::span<const double> score, std::span<const std::uint8_t> outcome);

// Weighted pool adjacent violators on `y` in place: the non-decreasing
// sequence closest to `y` in weighted squared error.
void pool_adjacent_violators(std::vector<double>& y, const std::vector<double>& weight);

}  // namespace assay::calibration
