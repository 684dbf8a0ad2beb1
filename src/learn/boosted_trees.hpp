#pragma once
// One gradient-boosted tree model (XGBoost's C API): trained on row-major
// float features (NaN = missing) single-threaded, with fixed parameters and
// no row or column sampling (hist trees, learning rate 0.1, seed 0), then
// used to predict other rows. Deterministic: the same inputs give the same
// predictions on any machine thread count.

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace assay::learn {

// XGBoost refused the data (its first message line). Callers decide
// whether that is a reason in a result or an error.
struct Failure {
  std::string message;
};

struct BoosterSpec {
  std::size_t classes = 2;  // 2: binary:logistic; more: multi:softprob
  int max_depth = 4;
  std::size_t rounds = 100;
  bool gain = false;        // also report each feature's total gain
};

struct Fit {
  // Binary: P(label 1) per test row; multiclass: rows x classes, row-major.
  std::vector<float> predictions;
  // "f0", "f1", ... (XGBoost's names of unnamed features) -> total gain.
  std::map<std::string, double> gain;
};

// `labels` are 0..classes-1 as floats, one per training row. Throws Failure.
Fit fit_predict(std::span<const float> train, std::span<const float> labels, std::span<const float> test,
                std::size_t cols, const BoosterSpec& spec);

}  // namespace assay::learn
