// Domain classifier two-sample test (Lopez-Paz & Oquab 2017) with gradient-
// boosted trees (learn/boosted_trees, XGBoost): out-of-fold ROC AUC of telling current rows (label 1) from
// reference rows (label 0). Each fold trains single-threaded with fixed
// parameters and no row or column sampling, so the folds can run in
// parallel and the result is the same for any thread count.

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <random>

#include "drift/detectors.hpp"
#include "learn/boosted_trees.hpp"
#include "stats/roc_auc.hpp"

namespace assay::drift {

namespace {

struct FoldOutput {
  std::vector<std::pair<std::size_t, double>> predictions;  // (row, score)
  std::map<std::string, double> gain;
};

FoldOutput run_fold(const std::vector<float>& data, const std::vector<float>& labels, std::size_t cols,
                    const std::vector<std::size_t>& fold_of, std::size_t fold, const MultivariateOptions& options) {
  std::vector<float> train;
  std::vector<float> train_labels;
  std::vector<float> test;
  std::vector<std::size_t> test_rows;
  for (std::size_t r = 0; r < fold_of.size(); ++r) {
    auto& dst = fold_of[r] == fold ? test : train;
    dst.insert(dst.end(), data.begin() + static_cast<std::ptrdiff_t>(r * cols),
               data.begin() + static_cast<std::ptrdiff_t>((r + 1) * cols));
    if (fold_of[r] == fold) {
      test_rows.push_back(r);
    } else {
      train_labels.push_back(labels[r]);
    }
  }
  learn::Fit fit = learn::fit_predict(
      train, train_labels, test, cols,
      {.classes = 2, .max_depth = static_cast<int>(options.max_depth), .rounds = options.rounds, .gain = true});
  FoldOutput result;
  for (std::size_t k = 0; k < test_rows.size(); ++k) result.predictions.emplace_back(test_rows[k], fit.predictions[k]);
  result.gain = std::move(fit.gain);
  return result;
}

}  // namespace

MultivariateResult classifier_drift(const RowMatrix& reference, const RowMatrix& current,
                                    const std::vector<std::string>& names, const MultivariateOptions& options) {
  const auto nr = static_cast<std::size_t>(reference.rows());
  const auto nc = static_cast<std::size_t>(current.rows());
  const auto cols = static_cast<std::size_t>(reference.cols());
  const std::size_t n = nr + nc;
  std::vector<float> data(n * cols);
  std::vector<float> labels(n);
  for (std::size_t r = 0; r < n; ++r) {
    const bool cur = r >= nr;
    labels[r] = cur ? 1.0f : 0.0f;
    for (std::size_t j = 0; j < cols; ++j) {
      const double v = cur ? current(static_cast<Eigen::Index>(r - nr), static_cast<Eigen::Index>(j))
                           : reference(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j));
      // Non-finite values (encode() already maps them to NaN) and doubles
      // beyond float's range are missing to XGBoost, never infinities.
      const auto f = static_cast<float>(v);
      data[r * cols + j] = std::isfinite(f) ? f : std::nanf("");
    }
  }
  // Stratified folds: shuffle each side, then deal rows to folds in turn.
  const std::size_t folds = std::clamp<std::size_t>(options.folds, 2, std::min(nr, nc));
  std::vector<std::size_t> fold_of(n);
  for (int side = 0; side < 2; ++side) {
    const std::size_t begin = side == 0 ? 0 : nr;
    const std::size_t count = side == 0 ? nr : nc;
    std::vector<std::size_t> idx(count);
    std::iota(idx.begin(), idx.end(), begin);
    std::mt19937_64 rng(task_seed(options.seed, 2000000 + static_cast<std::uint64_t>(side)));
    for (std::size_t i = count; i > 1; --i) std::swap(idx[i - 1], idx[static_cast<std::size_t>(rng() % i)]);
    for (std::size_t i = 0; i < count; ++i) fold_of[idx[i]] = i % folds;
  }
  std::vector<FoldOutput> outputs(folds);
  std::vector<std::string> failures(folds);
  tbb::parallel_for(std::size_t{0}, folds, [&](std::size_t f) {
    try {
      outputs[f] = run_fold(data, labels, cols, fold_of, f, options);
    } catch (const learn::Failure& e) {
      failures[f] = e.message;
    }
  });
  for (const auto& failure : failures) {
    if (failure.empty()) continue;
    MultivariateResult failed;
    failed.method = Multivariate::classifier;
    failed.metric = "roc_auc";
    failed.reference_rows = nr;
    failed.current_rows = nc;
    failed.reason = "the domain classifier could not be trained: XGBoost: " + failure;
    return failed;
  }
  std::vector<double> score(n);
  std::vector<std::uint8_t> label(n);
  std::map<std::string, double> gain;
  for (const auto& out : outputs) {
    for (const auto& [row, s] : out.predictions) score[row] = s;
    for (const auto& [name, g] : out.gain) gain[name] += g;
  }
  for (std::size_t r = 0; r < n; ++r) label[r] = r >= nr ? 1 : 0;

  MultivariateResult result;
  result.method = Multivariate::classifier;
  result.metric = "roc_auc";
  result.statistic = stats::roc_auc(score, label);
  result.threshold = options.threshold.value_or(0.55);
  result.drifted = result.statistic > *result.threshold;
  // One-sided p-value of AUC > 0.5 under exchangeability: the normal
  // approximation of the Mann-Whitney statistic.
  const double dr = static_cast<double>(nr);
  const double dc = static_cast<double>(nc);
  const double se = std::sqrt((dr + dc + 1) / (12.0 * dr * dc));
  result.p_value = 0.5 * std::erfc((result.statistic - 0.5) / se / std::sqrt(2.0));
  result.reference_rows = nr;
  result.current_rows = nc;
  double total_gain = 0.0;
  for (const auto& [name, g] : gain) total_gain += g;
  // XGBoost names unnamed features f0, f1, ...
  for (const auto& [name, g] : gain) {
    const std::size_t j = std::stoul(name.substr(1));
    result.top_features.push_back({j < names.size() ? names[j] : name, total_gain > 0 ? g / total_gain : 0.0});
  }
  std::stable_sort(result.top_features.begin(), result.top_features.end(),
                   [](const FeatureScore& a, const FeatureScore& b) { return a.importance > b.importance; });
  if (result.top_features.size() > options.top_features) result.top_features.resize(options.top_features);
  return result;
}

}  // namespace assay::drift
