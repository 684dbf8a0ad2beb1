#include "compare/model_metrics.hpp"

#include "metrics/binary.hpp"
#include "metrics/multiclass.hpp"
#include "metrics/regression.hpp"

namespace assay::compare {

namespace {

template <class T>
std::vector<T> compare_gather(const std::vector<T>& values, std::span<const std::uint32_t> subset) {
  std::vector<T> out;
  out.reserve(subset.size());
  for (const std::uint32_t j : subset) out.push_back(values[j]);
  return out;
}

}  // namespace

metrics::Result evaluate_side(const Bound& bound, Side side, double threshold, std::span<const std::uint32_t> subset,
                              const metrics::BootstrapOptions& bootstrap) {
  const bool first = side == Side::champion;
  switch (bound.task) {
    case metrics::Task::binary: {
      const auto truth = compare_gather(bound.truth_bits, subset);
      const auto score = compare_gather(first ? bound.champion_score : bound.challenger_score, subset);
      return metrics::evaluate_binary({.truth = truth, .predicted = {}, .score = score, .weight = {}},
                                      {.threshold = threshold,
                                       .positive_label = bound.positive_label,
                                       .negative_label = bound.negative_label,
                                       .curve_points = 2,
                                       .bootstrap = bootstrap});
    }
    case metrics::Task::multiclass: {
      const auto truth = compare_gather(bound.truth_codes, subset);
      const auto predicted = compare_gather(first ? bound.champion_codes : bound.challenger_codes, subset);
      return metrics::evaluate_multiclass({.truth = truth, .predicted = predicted, .scores = {}, .weight = {}},
                                          {.classes = bound.classes, .k = 2, .bootstrap = bootstrap});
    }
    default: {
      const auto truth = compare_gather(bound.truth_values, subset);
      const auto predicted = compare_gather(first ? bound.champion_values : bound.challenger_values, subset);
      return metrics::evaluate_regression({.truth = truth, .predicted = predicted, .weight = {}},
                                          {.quantile = 0.5, .bootstrap = bootstrap});
    }
  }
}

std::vector<std::string> comparable_metrics(metrics::Task task) {
  switch (task) {
    case metrics::Task::binary:
      return {"roc_auc", "accuracy", "balanced_accuracy", "precision", "recall", "f1", "specificity", "mcc",
              "cohen_kappa", "average_precision", "log_loss", "brier_score"};
    case metrics::Task::multiclass:
      return {"accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro", "precision_micro",
              "recall_micro", "f1_micro", "precision_weighted", "recall_weighted", "f1_weighted", "mcc",
              "cohen_kappa"};
    default:
      return {"mae", "mse", "rmse", "r2", "mape", "median_absolute_error", "explained_variance", "max_error",
              "mean_pinball_loss"};
  }
}

}  // namespace assay::compare
