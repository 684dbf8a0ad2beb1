#pragma once
// Binary classification metrics (scikit-learn 1.2.1 definitions): accuracy,
// balanced_accuracy, precision, recall, f1, specificity, mcc, cohen_kappa at a
// threshold or from a prediction column; roc_auc, average_precision,
// log_loss, brier_score, ROC and PR curves and the thresholds that maximise
// F1 and Youden's J from scores; percentile bootstrap intervals for all of
// them.
//
// Preconditions (metrics/bind.hpp checks them with column names): all spans
// of one length or empty; truth and predicted hold 0/1; scores finite;
// weights finite and >= 0 with a positive sum.

#include <cstdint>
#include <span>
#include <string>

#include "metrics/bootstrap.hpp"
#include "metrics/result.hpp"

namespace assay::metrics {

struct BinaryInputs {
  std::span<const std::uint8_t> truth;      // 1: positive class
  std::span<const std::uint8_t> predicted;  // empty: score >= threshold
  std::span<const double> score;            // positive-class score; empty: none
  std::span<const double> weight;           // empty: unit weights
};

struct BinaryOptions {
  double threshold = 0.5;  // predict positive when score >= threshold
  std::string positive_label = "1";
  std::string negative_label = "0";
  std::size_t curve_points = 200;
  BootstrapOptions bootstrap;
};

Result evaluate_binary(const BinaryInputs& inputs, const BinaryOptions& options);

}  // namespace assay::metrics
