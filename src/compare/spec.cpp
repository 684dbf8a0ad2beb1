#include "compare/spec.hpp"

#include <array>

namespace assay::compare {

std::string default_metric(metrics::Task task) {
  switch (task) {
    case metrics::Task::binary: return "roc_auc";
    case metrics::Task::regression: return "mae";
    default: return "accuracy";
  }
}

bool higher_is_better(std::string_view metric) {
  static constexpr std::array<std::string_view, 9> kLosses{
      "log_loss", "brier_score", "mae", "mse", "rmse", "mape", "median_absolute_error", "max_error",
      "mean_pinball_loss"};
  for (const auto loss : kLosses) {
    if (metric == loss) return false;
  }
  return true;
}

}  // namespace assay::compare
