#include "calibration/histogram.hpp"

#include <fmt/format.h>

#include "calibration/binning.hpp"
#include "core/error.hpp"

namespace assay::calibration {

Histogram fit_histogram(std::span<const double> score, std::span<const std::uint8_t> outcome, std::size_t bins) {
  if (bins < 1 || bins > 100000) {
    throw core::Error(core::Location{.path = "--bins"}, fmt::format("expected 1 to 100000 bins, got {}", bins));
  }
  const BinIndex index(uniform_edges(bins), true);
  const std::vector<BinSums> sums = bin_sums(score, outcome, index);
  Histogram out{.edges = index.edges(), .value = {}, .count = {}};
  for (std::size_t k = 0; k < bins; ++k) {
    out.value.push_back(sums[k].count > 0 ? sums[k].frequency() : (out.edges[k] + out.edges[k + 1]) / 2.0);
    out.count.push_back(static_cast<std::size_t>(sums[k].count));
  }
  return out;
}

double Histogram::apply(double score) const noexcept {
  // Edges are uniform: the same rule as BinIndex without building one.
  const std::size_t bins = value.size();
  std::size_t k = score <= 0.0 ? 0 : static_cast<std::size_t>(score * static_cast<double>(bins));
  if (k > bins - 1) k = bins - 1;
  while (k > 0 && score < edges[k]) --k;
  while (k + 1 < bins && score >= edges[k + 1]) ++k;
  return value[k];
}

}  // namespace assay::calibration
