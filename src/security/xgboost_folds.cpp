#include "security/xgboost_folds.hpp"

#include <xgboost/c_api.h>

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <cmath>
#include <numeric>
#include <random>

#include "core/error.hpp"

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

// The C API reports failure by a return code and a thread-local message.
void xgb(int rc) {
  if (rc != 0) {
    const std::string message = XGBGetLastError();
    throw core::Error("XGBoost could not train the fold models: " + message.substr(0, message.find('\n')));
  }
}

class Handles {
 public:
  Handles() = default;
  Handles(const Handles&) = delete;
  Handles& operator=(const Handles&) = delete;
  ~Handles() {
    if (booster != nullptr) XGBoosterFree(booster);
    for (DMatrixHandle m : {train, test}) {
      if (m != nullptr) XGDMatrixFree(m);
    }
  }
  DMatrixHandle train = nullptr;
  DMatrixHandle test = nullptr;
  BoosterHandle booster = nullptr;
};

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
  Handles h;
  const float missing = std::nanf("");
  xgb(XGDMatrixCreateFromMat(train.data(), train_labels.size(), cols, missing, &h.train));
  xgb(XGDMatrixSetFloatInfo(h.train, "label", train_labels.data(), train_labels.size()));
  xgb(XGDMatrixCreateFromMat(test.data(), test_rows.size(), cols, missing, &h.test));
  xgb(XGBoosterCreate(&h.train, 1, &h.booster));
  const bool binary = classes == 2;
  const std::pair<const char*, std::string> params[] = {
      {"objective", binary ? "binary:logistic" : "multi:softprob"},
      {"num_class", binary ? "1" : std::to_string(classes)},
      {"tree_method", "hist"}, {"nthread", "1"}, {"max_depth", std::to_string(options.max_depth)},
      {"eta", "0.1"}, {"subsample", "1"}, {"colsample_bytree", "1"}, {"seed", "0"}, {"verbosity", "0"}};
  for (const auto& [k, v] : params) {
    if (binary && std::string_view(k) == "num_class") continue;
    xgb(XGBoosterSetParam(h.booster, k, v.c_str()));
  }
  for (std::size_t it = 0; it < options.rounds; ++it) xgb(XGBoosterUpdateOneIter(h.booster, static_cast<int>(it), h.train));
  const bst_ulong* shape = nullptr;
  bst_ulong dim = 0;
  const float* pred = nullptr;
  xgb(XGBoosterPredictFromDMatrix(h.booster, h.test,
                                  R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": true})",
                                  &shape, &dim, &pred));
  const std::size_t width = binary ? 1 : classes;
  if (dim != 2 || shape[0] != test_rows.size() || shape[1] != width) {
    throw core::Error(fmt::format("XGBoost returned predictions of an unexpected shape for {} rows", test_rows.size()));
  }
  for (std::size_t k = 0; k < test_rows.size(); ++k) {
    if (binary) {
      const auto p = static_cast<double>(pred[k]);
      out[0][test_rows[k]] = 1.0 - p;
      out[1][test_rows[k]] = p;
    } else {
      for (std::size_t c = 0; c < classes; ++c) out[c][test_rows[k]] = static_cast<double>(pred[k * classes + c]);
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
    } catch (const core::Error& e) {
      failures[f] = e;
    }
  });
  for (const auto& failure : failures) {
    if (failure) throw *failure;
  }
  return out;
}

}  // namespace assay::security
