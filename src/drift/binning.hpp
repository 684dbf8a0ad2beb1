#pragma once
// Histograms for plots. (The bins of the binned distances are the
// project's one quantile-binning rule, stats/quantile_bins.hpp.)
//
// Plot histograms: `bins` equal-width bins between the pooled minimum and
// maximum, [a, b) except the last, which is closed (numpy.histogram).

#include <cstddef>
#include <span>
#include <vector>

namespace assay::drift {

struct PlotHistogram {
  std::vector<double> edges;  // bins + 1 edges
  std::vector<double> reference;
  std::vector<double> current;
};
PlotHistogram plot_histogram(std::span<const double> reference_sorted, std::span<const double> current_sorted,
                             std::size_t bins);

}  // namespace assay::drift
