#pragma once
// Out-of-sample class probabilities for the label-noise scan when no model
// scores are given: k-fold gradient-boosted trees (XGBoost's C API), each
// row predicted by the model trained on the other folds, as confident
// learning requires (Northcutt et al. 2021, section 4).
//
// Folds are stratified by label: each class's rows are shuffled (seeded
// std::mt19937_64) and dealt to the folds in turn. Every fold trains
// single-threaded with fixed parameters and no row or column sampling, so
// the folds run in parallel and the probabilities are the same for any
// thread count.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/table.hpp"

namespace assay::security {

struct FoldOptions {
  std::size_t folds = 5;
  std::uint64_t seed = 0;
  std::size_t rounds = 100;
  int max_depth = 4;
};

// Numeric (float64, int64, bool) feature columns as a row-major float
// matrix; nulls and non-finite values are missing (NaN) to XGBoost. A text
// column or an unknown name throws core::Error.
std::vector<float> feature_matrix(const core::Table& table, const std::vector<std::string>& names);

// columns[c][row]: the out-of-fold probability of class c. `labels` are
// codes into `class_names`. Throws core::Error when a class has fewer rows
// than folds, or when XGBoost fails (its first message line).
std::vector<std::vector<double>> out_of_fold_probabilities(std::span<const float> features, std::size_t cols,
                                                           std::span<const std::int32_t> labels,
                                                           const std::vector<std::string>& class_names,
                                                           const FoldOptions& options);

}  // namespace assay::security
