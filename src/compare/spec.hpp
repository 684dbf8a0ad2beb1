#pragma once
// What `assay compare` is asked: the rows' target, the champion's and the
// challenger's columns on the same rows, the task, the metric to compare,
// the column to slice by and the bootstrap; and the Policy that turns the
// comparison into a verdict (compare/verdict.hpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "metrics/bootstrap.hpp"
#include "metrics/result.hpp"

namespace assay::compare {

struct Spec {
  metrics::Task task = metrics::Task::binary;  // binary, multiclass or regression
  std::string target;
  std::string champion;    // binary: score column; multiclass: predicted label; regression: prediction
  std::string challenger;  // the same for the challenger
  std::optional<std::string> metric;    // empty: roc_auc (binary), accuracy (multiclass), mae (regression)
  std::optional<std::string> positive;  // binary positive label; empty: detect 1/true/yes
  double threshold = 0.5;               // binary: predicted positive when score >= threshold
  std::optional<std::string> by;        // slice column
  std::size_t bins = 5;                 // quantile bins of a numeric slice column (stats/quantile_bins)
  std::size_t max_levels = 100;         // most distinct values of a categorical slice column
  metrics::BootstrapOptions bootstrap{.resamples = 1000, .level = 0.95, .seed = 0, .metrics = {}, .paired = true};
};

struct Policy {
  std::string metric;                     // the compared metric (Comparison::metric)
  double min_gain = 0.0;                  // smallest improvement worth promoting, in the metric's units, >= 0
  std::optional<double> max_slice_loss;   // largest loss any slice may show, >= 0; empty: slices not checked
  double alpha = 0.05;                    // significance level of the tests, in (0, 1)
};

// The metric compared when Spec::metric is empty.
std::string default_metric(metrics::Task task);

// Whether a larger value of `metric` is better (roc_auc, accuracy, r2, ...)
// or worse (log_loss, brier_score, mae, mse, rmse, mape, max_error, ...).
bool higher_is_better(std::string_view metric);

}  // namespace assay::compare
