#include "drift/binning.hpp"

#include <algorithm>


namespace assay::drift {

PlotHistogram plot_histogram(std::span<const double> reference_sorted, std::span<const double> current_sorted,
                             std::size_t bins) {
  PlotHistogram h;
  if (reference_sorted.empty() && current_sorted.empty()) return h;
  double lo = 0.0;
  double hi = 0.0;
  if (reference_sorted.empty()) {
    lo = current_sorted.front();
    hi = current_sorted.back();
  } else if (current_sorted.empty()) {
    lo = reference_sorted.front();
    hi = reference_sorted.back();
  } else {
    lo = std::min(reference_sorted.front(), current_sorted.front());
    hi = std::max(reference_sorted.back(), current_sorted.back());
  }
  if (lo == hi) bins = 1;
  h.edges.resize(bins + 1);
  for (std::size_t i = 0; i <= bins; ++i) {
    h.edges[i] = i == bins ? hi : lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(bins);
  }
  auto count = [&](std::span<const double> sorted) {
    std::vector<double> counts(bins, 0.0);
    std::size_t below = 0;
    for (std::size_t i = 1; i < bins; ++i) {
      const auto upto =
          static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), h.edges[i]) - sorted.begin());
      counts[i - 1] = static_cast<double>(upto - below);
      below = upto;
    }
    counts[bins - 1] = static_cast<double>(sorted.size() - below);
    return counts;
  };
  h.reference = count(reference_sorted);
  h.current = count(current_sorted);
  return h;
}

}  // namespace assay::drift
