#include "security/xgboost_folds.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <cmath>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "learn/boosted_trees.hpp"

namespace assay::security {

std::vector<float> feature_matrix(const core::Table& table, const std::vector<std::string>& names) {
  if (names.empty()) throw core::Error(core::Location{.path = "--features"}, "name at least one feature column");
  const std::size_t n = table.rows();
  std::vector<float> out(n * names.size());
  for (std::size_t j = 0; j < names.size(); ++j) {
    const core::Column& column = core::column_for_flag(table, names[j], "--features");
    if (!core::is_numeric(column.kind()) && column.kind() != core::Kind::boolean) {
      throw core::Error(core::Location{.path = "--features"},
                        fmt::format("feature column '{}' is {}; expected numbers", names[j], core::kind_name(column.kind())));
    }
    for (std::size_t i = 0; i < n; ++i) {
      const auto v = column.is_valid(i) ? static_cast<float>(column.as_double(i)) : std::nanf("");
      out[i * names.size() + j] = std::isfinite(v) ? v : std::nanf("");
    }
  }
  return out;
}

namespace {

// Trains on the rows outside `fold` and writes the probabilities of the
// rows inside it.
void fit_fold(std::span<const float> features, std::size_t cols, std::span<const std::int32_t> labels,
              std::size_t classes, const std::vector<std::size_t>& fold_of, std::size_t fold, const FoldOptions& options,
              std::vector<std::vector<double>>& out) {
  std::vector<float> train, train_labels, test;
  std::vector<std::size_t> test_rows;
  for (std::size_t r = 0; r < labels.size(); ++r) {
    const auto row = features.subspan(r * cols, cols);
    if (fold_of[r] == fold) {
      test.insert(test.end(), row.begin(), row.end());
      test_rows.push_back(r);
    } else {
      train.insert(train.end(), row.begin(), row.end());
      train_labels.push_back(static_cast<float>(labels[r]));
    }
  }
  const learn::Fit fit = learn::fit_predict(train, train_labels, test, cols,
                                            {.classes = classes, .max_depth = options.max_depth, .rounds = options.rounds});
  for (std::size_t k = 0; k < test_rows.size(); ++k) {
    if (classes == 2) {
      const auto p = static_cast<double>(fit.predictions[k]);
      out[0][test_rows[k]] = 1.0 - p;
      out[1][test_rows[k]] = p;
    } else {
      for (std::size_t c = 0; c < classes; ++c) out[c][test_rows[k]] = static_cast<double>(fit.predictions[k * classes + c]);
    }
  }
}

}  // namespace

std::vector<std::vector<double>> out_of_fold_probabilities(std::span<const float> features, std::size_t cols,
                                                           std::span<const std::int32_t> labels,
                                                           const std::vector<std::string>& class_names,
                                                           const FoldOptions& options) {
  const std::size_t classes = class_names.size();
  if (options.folds < 2) throw core::Error(core::Location{.path = "--folds"}, "at least 2 folds are needed");
  std::vector<std::vector<std::size_t>> rows_of(classes);
  for (std::size_t r = 0; r < labels.size(); ++r) rows_of[static_cast<std::size_t>(labels[r])].push_back(r);
  std::vector<std::size_t> fold_of(labels.size());
  for (std::size_t c = 0; c < classes; ++c) {
    std::vector<std::size_t>& idx = rows_of[c];
    if (idx.size() < options.folds) {
      throw core::Error(core::Location{.path = "--folds"},
                        fmt::format("class '{}' has {} rows, fewer than the {} folds: every fold needs each class",
                                    class_names[c], idx.size(), options.folds));
    }
    std::mt19937_64 rng(options.seed * 0x9E3779B97F4A7C15ULL + c);
    for (std::size_t i = idx.size(); i > 1; --i) std::swap(idx[i - 1], idx[static_cast<std::size_t>(rng() % i)]);
    for (std::size_t i = 0; i < idx.size(); ++i) fold_of[idx[i]] = i % options.folds;
  }
  std::vector<std::vector<double>> out(classes, std::vector<double>(labels.size(), 0.0));
  std::vector<std::optional<core::Error>> failures(options.folds);
  tbb::parallel_for(std::size_t{0}, options.folds, [&](std::size_t f) {
    try {
      fit_fold(features, cols, labels, classes, fold_of, f, options, out);
    } catch (const learn::Failure& e) {
      failures[f] = core::Error("XGBoost could not train the fold models: " + e.message);
    }
  });
  for (const auto& failure : failures) {
    if (failure) throw *failure;
  }
  return out;
}

}  // namespace assay::security
