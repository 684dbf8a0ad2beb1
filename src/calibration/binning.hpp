#pragma once
// Bins of predicted probabilities for calibration statistics.
//
// Edges e_0 < e_1 <= ... <= e_B cover the scores. A score p falls in bin k
// when e_k <= p < e_{k+1}; the last bin also holds e_B. So with 10 uniform
// bins they are [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0] and 1.0 is in the last
// bin. The bin of p is numpy.searchsorted(edges[1:-1], p, side="right").
//
// uniform:  e_k = k / B (the division rounded once, as numpy's arange(B + 1) / B).
// quantile: e_k = numpy.quantile(scores, k / B) with linear interpolation;
//           tied scores can make edges repeat and bins empty (reported with
//           count 0, as an equal-mass split would have to cut ties).
//
// Why not stats/quantile_bins (drift's and quality's rule): the two answer
// different questions and give different bins on the same scores. Here the
// bins must be those of scikit-learn's calibration_curve (its
// strategy="quantile" takes np.quantile edges including the minimum and
// maximum, left-closed through searchsorted, repeated edges kept), so that
// ECE and the reliability curve agree with it to many digits
// (tests/reference/calibration_reference.py). quantile_bins instead drops
// repeated edges, closes bins on the right, gives few-valued samples a bin
// per value and adds bins for values outside the sample's range: right for
// comparing two samples, wrong for matching calibration_curve. The quantile
// itself is shared (stats::quantile_sorted).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace assay::calibration {

enum class Strategy { uniform, quantile };

std::string_view strategy_name(Strategy strategy);

std::vector<double> uniform_edges(std::size_t bins);

// `sorted`: the scores ascending, not empty.
std::vector<double> quantile_edges(std::span<const double> sorted, std::size_t bins);

// Maps a score to its bin (see above). Scores below e_0 go to bin 0 and above
// e_B to the last bin (scores are checked to be in [0, 1] before this).
class BinIndex {
 public:
  explicit BinIndex(std::vector<double> edges, bool uniform);

  std::size_t bins() const noexcept { return edges_.size() - 1; }
  const std::vector<double>& edges() const noexcept { return edges_; }

  std::size_t operator()(double p) const noexcept {
    if (uniform_) {
      // floor(p B) is the bin up to rounding; step to the edge-defined one.
      const double scaled = p * static_cast<double>(bins());
      std::size_t k = scaled <= 0.0 ? 0 : static_cast<std::size_t>(scaled);
      if (k > last_) k = last_;
      while (k > 0 && p < edges_[k]) --k;
      while (k < last_ && p >= edges_[k + 1]) ++k;
      return k;
    }
    std::size_t k = 0;  // the number of inner edges <= p; B is small
    while (k < last_ && edges_[k + 1] <= p) ++k;
    return k;
  }

 private:
  std::vector<double> edges_;
  std::size_t last_;
  bool uniform_;
};

// Per-bin sums of one pass over (score, outcome): the state of every binned
// calibration statistic (ECE, MCE, Murphy's decomposition, Hosmer-Lemeshow).
struct BinSums {
  double count = 0.0;
  double score = 0.0;        // sum of p
  double outcome = 0.0;      // sum of y
  double squared_error = 0.0;  // sum of (p - y)^2
  // Second pass, around the bin means p_k and o_k:
  double score_spread = 0.0;  // sum of (p - p_k)^2
  double co_spread = 0.0;     // sum of (p - p_k)(y - o_k)

  double mean_score() const noexcept { return score / count; }
  double frequency() const noexcept { return outcome / count; }
};

// Bin sums of all rows, in parallel with a deterministic reduction (the same
// partition and order of additions whatever the thread count).
std::vector<BinSums> bin_sums(std::span<const double> score, std::span<const std::uint8_t> outcome,
                              const BinIndex& index);

// Equal-mass bins for the adaptive ECE (Nixon et al. 2019): the rows in
// ascending score order, ties kept in row order (a stable sort), cut into B
// consecutive runs whose sizes differ by at most one, the larger first
// (numpy.array_split). `order` is that stable order.
std::vector<BinSums> equal_mass_sums(std::span<const std::uint32_t> order, std::span<const double> score,
                                     std::span<const std::uint8_t> outcome, std::size_t bins);

}  // namespace assay::calibration
