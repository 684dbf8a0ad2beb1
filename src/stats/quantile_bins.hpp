#pragma once
// Bins of a numeric variable fixed by one sorted sample: the reference in
// drift's binned distances, the column itself in quality's mutual
// information. One rule for the whole project (docs/drift.md, "Bins"):
//
// - The sample has at most `bins` distinct values: each distinct value is a
//   bin of its own (matched by equality), and one more bin holds every value
//   the sample does not have. Quantile edges would merge such values (a
//   constant sample would make one bin that everything falls into).
// - Otherwise the inner edges are the sample's quantiles 1/bins, ...,
//   (bins-1)/bins (numpy.quantile, linear), duplicates and any edge at the
//   sample maximum removed; bins are right-closed (edge[i-1] < x <= edge[i])
//   between the sample minimum and maximum, and values below the minimum and
//   above the maximum get a bin each, so values outside the sample's range
//   never hide in an edge bin.
//
// Bin indices: first the `sample_bins` bins the sample itself occupies (in
// ascending value order), then the bins for other values (`other`, or
// `below` then `above`). The sample has no NaN; NaN is not binned.

#include <cstddef>
#include <span>
#include <vector>

namespace assay::stats {

struct QuantileBins {
  bool by_value = false;       // one bin per distinct sample value
  std::vector<double> points;  // by_value: the distinct values; else the inner edges
  double low = 0.0;            // sample minimum and maximum (quantile bins)
  double high = 0.0;
  std::size_t sample_bins = 0; // bins the sample's own values fall in
  std::size_t count = 0;       // all bins: sample_bins + 1 (by value) or + 2

  // Index in [0, count) of a non-NaN value.
  std::size_t bin_of(double x) const;
};

// `sorted` ascending without NaN; `bins` >= 1. An empty sample gives
// by_value bins with no value: everything falls in the one `other` bin.
QuantileBins quantile_bins(std::span<const double> sorted, std::size_t bins);

// Counts per bin (bins.count of them) of an ascending sample without NaN.
std::vector<double> bin_counts(const QuantileBins& bins, std::span<const double> sorted);

}  // namespace assay::stats
