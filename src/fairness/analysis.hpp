#pragma once
// Fairness of a binary classifier across the groups of one grouping (one
// sensitive column, or the intersection of several): per-group size and
// rates (group_rates.hpp), ECE from the calibration engine when a score is
// given, and the between-group summaries with percentile bootstrap
// intervals.
//
// The bootstrap resamples rows once for all groups: resample r weights row i
// by metrics::PoissonWeights(seed, r)(row_key[i]), and every group's counts
// and so every summary are taken from that one resample, so a difference's
// interval reflects that its two groups were resampled together. Keys are
// the rows' positions in the input, so two groupings of the same rows (or two
// models) see the same resamples.
//
// Groups smaller than `min_group` are reported with their rates but marked
// too small and left out of the summaries.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "calibration/analysis.hpp"
#include "metrics/bootstrap.hpp"
#include "metrics/result.hpp"

namespace assay::fairness {

struct Options {
  std::size_t min_group = 30;
  metrics::BootstrapOptions bootstrap;
  calibration::Options calibration;  // bins of the per-group ECE
};

struct Inputs {
  std::span<const std::uint8_t> truth;      // 0/1
  std::span<const std::uint8_t> predicted;  // 0/1
  std::span<const double> score;            // empty: no ECE
  std::span<const std::uint32_t> row_key;   // bootstrap key of each row
};

struct Group {
  std::vector<std::string> values;  // one per sensitive column
  std::size_t size = 0;
  bool too_small = false;
  metrics::MetricSet metrics;  // size-independent rates and ece
};

struct Grouping {
  std::vector<std::string> columns;
  std::vector<Group> groups;
  metrics::MetricSet summary;
  bool four_fifths_holds = false;  // disparate_impact >= 0.8 (when defined)
  metrics::BootstrapSummary bootstrap;
};

// `group[i]` in [0, names.size()): the group of row i; `names[g]` its values.
Grouping analyse_grouping(const Inputs& inputs, std::span<const std::int32_t> group,
                          const std::vector<std::vector<std::string>>& names, const std::vector<std::string>& columns,
                          const Options& options);

}  // namespace assay::fairness
