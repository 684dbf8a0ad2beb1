#pragma once
// Drift of the data as a whole (several columns jointly):
//   classifier: a domain classifier (Lopez-Paz & Oquab 2017): gradient
//     boosted trees (XGBoost) learn to tell reference rows from current rows;
//     k-fold cross-validated ROC AUC, drift when AUC > threshold (0.55); the
//     features with the most split gain are the ones that separate the data.
//   mmd: maximum mean discrepancy with an RBF kernel (Gretton et al. 2012),
//     bandwidth by the median heuristic (sigma^2 = median pairwise squared
//     distance / 2, as alibi-detect), unbiased MMD^2 and a permutation test;
//     drift when p < threshold (0.05). Inputs are subsampled.
//   pca: data reconstruction error (as NannyML): standardised features, PCA
//     fitted on the reference keeping 65% of the variance (at most d - 1
//     components; needs d >= 2), mean Euclidean
//     reconstruction error; drift when the current error leaves the band
//     mean +- 3 std of the errors of 10 reference chunks.
// Deterministic for a seed whatever the thread count (folds and
// permutations run in parallel with their own seeds).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"
#include "drift/column_drift.hpp"

namespace assay::drift {

enum class Multivariate { classifier, mmd, pca };
std::string_view multivariate_name(Multivariate method);
std::optional<Multivariate> parse_multivariate(std::string_view name);

struct MultivariateOptions {
  Multivariate method = Multivariate::classifier;
  std::optional<double> threshold;  // AUC (classifier) or p-value (mmd); pca uses its band
  std::uint64_t seed = 0;
  std::size_t classifier_rows = 20000;  // rows per side at most (random subsample)
  std::size_t folds = 5;
  std::size_t rounds = 100;             // boosting rounds
  std::size_t max_depth = 4;
  std::size_t mmd_rows = 1000;          // rows per side at most
  std::size_t permutations = 100;
  double pca_variance = 0.65;
  std::size_t pca_reference_chunks = 10;
  std::size_t top_features = 10;
};

struct FeatureScore {
  std::string column;
  double importance;  // share of the total split gain
};

struct MultivariateResult {
  Multivariate method = Multivariate::classifier;
  std::string metric;            // "roc_auc", "mmd2", "reconstruction_error"
  double statistic = 0.0;
  std::optional<double> p_value;
  std::optional<double> threshold;   // classifier, mmd
  std::optional<double> lower;       // pca band
  std::optional<double> upper;
  std::optional<double> reference_value;  // pca: mean reference error
  bool drifted = false;
  std::size_t reference_rows = 0;    // rows used
  std::size_t current_rows = 0;
  std::size_t features = 0;
  std::vector<FeatureScore> top_features;  // classifier
  std::optional<double> bandwidth;         // mmd: sigma
  std::optional<std::size_t> components;   // pca
  std::optional<double> explained_variance;
  std::string reason;  // not empty: the data could not be judged (too few rows, the classifier failed)
};

// Compares reference with the selected current rows (all when empty) over
// the given columns. Throws core::Error when no column can be used.
MultivariateResult multivariate_drift(const core::Table& reference, const core::Table& current,
                                      std::span<const ColumnSpec> columns, const MultivariateOptions& options,
                                      std::span<const std::uint32_t> current_rows = {});

// Pieces shared by the detectors (the Eigen-typed ones are in
// drift/detectors.hpp).

// Up to `k` of `n` row indices drawn without replacement, ascending
// (all of them when n <= k). Deterministic for the seed.
std::vector<std::uint32_t> sample_rows(std::size_t n, std::size_t k, std::uint64_t seed);

// Seed of the i-th parallel task from a run seed (SplitMix64).
std::uint64_t task_seed(std::uint64_t seed, std::uint64_t task);

}  // namespace assay::drift
