#pragma once
// Bins for the binned distances and for plots.
//
// Reference-quantile bins (docs/drift.md): inner edges are the reference's
// quantiles at 1/bins, 2/bins, ..., (bins-1)/bins (numpy's linear method),
// duplicates removed; bin i holds edge[i-1] < x <= edge[i], the outer bins
// are open (so current values outside the reference range still count).
//
// Plot histograms: `bins` equal-width bins between the pooled minimum and
// maximum, [a, b) except the last, which is closed (numpy.histogram).

#include <cstddef>
#include <span>
#include <vector>

namespace assay::drift {

// Inner edges from the sorted reference (empty when it is constant).
std::vector<double> quantile_edges(std::span<const double> reference_sorted, std::size_t bins);

// Counts per bin (edges.size() + 1 bins) of a sorted sample.
std::vector<double> bin_counts(std::span<const double> sorted, std::span<const double> edges);

struct PlotHistogram {
  std::vector<double> edges;  // bins + 1 edges
  std::vector<double> reference;
  std::vector<double> current;
};
PlotHistogram plot_histogram(std::span<const double> reference_sorted, std::span<const double> current_sorted,
                             std::size_t bins);

}  // namespace assay::drift
