#pragma once
// Histogram binning (Zadrozny & Elkan 2001): the scores' uniform bins over
// [0, 1] (calibration/binning.hpp) each map to the fraction of positives the
// fit data had in that bin. A bin the fit data left empty maps to its
// midpoint, so the calibrator stays defined on [0, 1].

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace assay::calibration {

struct Histogram {
  std::vector<double> edges;   // B + 1 uniform edges
  std::vector<double> value;   // B calibrated probabilities
  std::vector<std::size_t> count;  // fit rows per bin
  double apply(double score) const noexcept;
};

// Scores in [0, 1]; bins >= 1.
Histogram fit_histogram(std::span<const double> score, std::span<const std::uint8_t> outcome, std::size_t bins);

}  // namespace assay::calibration
