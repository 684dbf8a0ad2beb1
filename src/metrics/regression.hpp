#pragma once
// Regression metrics (scikit-learn 1.2.1 definitions): mae, mse, rmse, r2,
// mape, median_absolute_error, explained_variance, max_error,
// mean_pinball_loss, a summary of the residuals y_true - y_pred, and
// percentile bootstrap intervals.
//
// r2 and explained_variance follow force_finite=True: 1 when the errors are
// all zero, 0 when y_true is constant and the errors are not. mape divides by
// max(|y|, machine epsilon). The weighted median_absolute_error is
// scikit-learn's _weighted_percentile (the lower weighted median, no
// interpolation); unweighted it is numpy.median. max_error ignores weights
// (scikit-learn takes none).
// Preconditions: finite values, weights finite and >= 0 with a positive sum.

#include <span>

#include "metrics/bootstrap.hpp"
#include "metrics/result.hpp"

namespace assay::metrics {

struct RegressionInputs {
  std::span<const double> truth;
  std::span<const double> predicted;
  std::span<const double> weight;  // empty: unit weights
};

struct RegressionOptions {
  double quantile = 0.5;  // alpha of mean_pinball_loss
  BootstrapOptions bootstrap;
};

Result evaluate_regression(const RegressionInputs& inputs, const RegressionOptions& options);

}  // namespace assay::metrics
