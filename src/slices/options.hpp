#pragma once
// What `assay slices` is asked to do: the model's columns, the columns to
// slice by (or none: search every eligible column for weak slices), binning,
// depth, the metric to report and the SliceLine search parameters.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "metrics/bootstrap.hpp"
#include "metrics/result.hpp"

namespace assay::slices {

struct Spec {
  metrics::Task task = metrics::Task::binary;  // binary, multiclass or regression
  std::string target;
  std::optional<std::string> prediction;
  std::optional<std::string> score;     // binary: positive-class probability in [0, 1]
  std::optional<std::string> positive;  // binary positive label; empty: detect 1/true/yes
  double threshold = 0.5;               // binary: predicted positive when score >= threshold

  std::vector<std::string> by;          // empty: weak-slice discovery over every eligible column
  std::vector<std::string> exclude;     // left out of discovery
  std::size_t bins = 5;                 // quantile bins of a numeric column, >= 2
  std::size_t depth = 2;                // predicates per conjunction, 1..kMaxDepth
  std::size_t max_levels = 100;         // discovery skips columns with more distinct values
  std::optional<std::string> metric;    // empty: accuracy (classification), mae (regression)

  // SliceLine (Sagadeeva & Boehm 2021).
  double alpha = 0.95;                  // weight of the error ratio against the size term, in (0, 1]
  std::size_t min_support = 50;         // smallest slice examined (rows)
  std::size_t top = 20;                 // slices reported
  double min_lift = 0.05;               // a conjunction must beat each parent's error by this share, and be
                                        // significantly worse than the parent's other rows
  double significance = 0.05;           // level of the BH-adjusted p-values

  metrics::BootstrapOptions bootstrap;  // intervals of the reported metric
};

inline constexpr std::size_t kMaxDepth = 4;

}  // namespace assay::slices
