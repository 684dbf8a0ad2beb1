#pragma once
// Settings of a drift comparison (the CLI flags of `assay drift`).

#include <cstddef>
#include <cstdint>
#include <optional>

#include "drift/method.hpp"

namespace assay::drift {

// Multiple-testing correction across the columns compared with a test.
enum class Correction { none, bonferroni, bh };

struct DriftOptions {
  Method method = Method::automatic;   // per-column method, or the auto rule
  std::optional<double> threshold;     // overrides each method's default
  std::size_t bins = 10;               // reference-quantile bins (psi, js, kl, hellinger, tvd)
  Correction correction = Correction::bonferroni;
  double drift_share = 0.5;            // dataset drift when drifted share > this
  double epsilon = 1e-4;               // proportion given to empty bins (psi, kl)
  std::size_t plot_bins = 20;          // equal-width bins of the numeric plot histograms
  std::size_t plot_categories = 20;    // categories kept in the categorical plot histograms
  bool histograms = true;              // fill the plot histograms
  std::uint64_t seed = 0;              // multivariate subsampling and permutations
};

}  // namespace assay::drift
