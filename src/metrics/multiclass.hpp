#pragma once
// Multiclass metrics (scikit-learn 1.2.1 definitions): accuracy,
// balanced_accuracy, precision/recall/f1 with macro, micro and weighted
// averages, a per-class report, the confusion matrix, mcc, cohen_kappa,
// log_loss, top_k_accuracy and one-vs-rest roc_auc (macro and weighted);
// percentile bootstrap intervals for all of them.
//
// Classes are codes 0..K-1 in scikit-learn's sorted label order; score
// column c holds the probability of class c. Preconditions as in binary.hpp
// (metrics/bind.hpp checks them with column names).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "metrics/bootstrap.hpp"
#include "metrics/probability.hpp"
#include "metrics/result.hpp"

namespace assay::metrics {

struct MulticlassInputs {
  std::span<const std::int32_t> truth;      // class codes
  std::span<const std::int32_t> predicted;  // empty: argmax of the scores (first maximum)
  ScoreColumns scores;                      // one column per class, or none
  std::span<const double> weight;           // empty: unit weights
};

struct MulticlassOptions {
  std::vector<std::string> classes;  // label of each code
  std::size_t k = 2;                 // top_k_accuracy
  BootstrapOptions bootstrap;
};

Result evaluate_multiclass(const MulticlassInputs& inputs, const MulticlassOptions& options);

// Whether the true class is among the k highest scores of `row`, ranking tied
// scores as scikit-learn's top_k_accuracy_score does (argsort(kind=
// "mergesort") reversed: of equal scores the higher class code ranks first).
bool in_top_k(const ScoreColumns& scores, std::size_t row, std::int32_t truth, std::size_t k) noexcept;

// numpy.argmax over the classes of `row` (the first maximum).
std::int32_t argmax(const ScoreColumns& scores, std::size_t row) noexcept;

}  // namespace assay::metrics
