#pragma once
// Confusion-matrix state over K classes and the classification metrics that
// are functions of it, as scikit-learn 1.2 defines them
// (sklearn/metrics/_classification.py): accuracy_score,
// balanced_accuracy_score, precision_recall_fscore_support (binary, micro,
// macro, weighted), matthews_corrcoef, cohen_kappa_score.
//
// The state keeps weighted cells and occurrence counts. scikit-learn decides
// which labels take part in an average from occurrence (unique_labels of
// y_true and y_pred), whatever their weight; the counts reproduce that. In a
// bootstrap resample the count of a row is its multiplicity.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "metrics/result.hpp"

namespace assay::metrics {

struct Confusion {
  std::size_t classes = 0;
  std::vector<double> weight;  // classes x classes, truth-major
  std::vector<double> count;   // classes x classes occurrences

  explicit Confusion(std::size_t k = 0) : classes(k), weight(k * k, 0.0), count(k * k, 0.0) {}

  void update(std::int32_t truth, std::int32_t predicted, double w = 1.0, double occurrences = 1.0) noexcept {
    const std::size_t cell = static_cast<std::size_t>(truth) * classes + static_cast<std::size_t>(predicted);
    weight[cell] += w;
    count[cell] += occurrences;
  }
  void merge(const Confusion& other) noexcept;

  double total_weight() const noexcept;
  double true_weight(std::size_t c) const noexcept;       // row sum
  double predicted_weight(std::size_t c) const noexcept;  // column sum
  // The class occurs in y_true or y_pred.
  bool present(std::size_t c) const noexcept;
};

// Builds the state from class codes in [0, classes). `weight` empty means 1.
Confusion confusion_of(std::span<const std::int32_t> truth, std::span<const std::int32_t> predicted,
                       std::span<const double> weight, std::size_t classes);

// accuracy, balanced_accuracy, mcc, cohen_kappa.
void add_agreement_metrics(const Confusion& state, MetricSet& out);

// One-class scores of precision_recall_fscore_support(average=None).
struct ClassScores {
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
  double support = 0.0;  // weighted true count
  bool precision_undefined = false;  // no predictions of the class: 0 by zero_division
  bool recall_undefined = false;     // no true rows of the class: 0 by zero_division
};
ClassScores class_scores(const Confusion& state, std::size_t c);

// precision, recall, f1 for `positive` (average="binary") and specificity
// (the recall of the other class). Zero divisions give 0 with a note, as
// scikit-learn's zero_division="warn" does.
void add_binary_prf(const Confusion& state, std::size_t positive, MetricSet& out);

// precision_macro, recall_macro, f1_macro, precision_micro, ...,
// f1_weighted over the classes present in y_true or y_pred.
void add_averaged_prf(const Confusion& state, MetricSet& out);

}  // namespace assay::metrics
