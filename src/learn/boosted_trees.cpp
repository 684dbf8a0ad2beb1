#include "learn/boosted_trees.hpp"

#include <xgboost/c_api.h>

#include <cmath>
#include <utility>

namespace assay::learn {

namespace {

// The C API reports failure by a return code and a thread-local message.
void check(int rc) {
  if (rc != 0) {
    const std::string message = XGBGetLastError();
    throw Failure{message.substr(0, message.find('\n'))};
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

}  // namespace

Fit fit_predict(std::span<const float> train, std::span<const float> labels, std::span<const float> test,
                std::size_t cols, const BoosterSpec& spec) {
  Handles h;
  const float missing = std::nanf("");
  const std::size_t test_rows = cols == 0 ? 0 : test.size() / cols;
  check(XGDMatrixCreateFromMat(train.data(), labels.size(), cols, missing, &h.train));
  check(XGDMatrixSetFloatInfo(h.train, "label", labels.data(), labels.size()));
  check(XGDMatrixCreateFromMat(test.data(), test_rows, cols, missing, &h.test));
  check(XGBoosterCreate(&h.train, 1, &h.booster));
  const bool binary = spec.classes <= 2;
  std::vector<std::pair<const char*, std::string>> params{
      {"objective", binary ? "binary:logistic" : "multi:softprob"}, {"tree_method", "hist"}, {"nthread", "1"},
      {"max_depth", std::to_string(spec.max_depth)}, {"eta", "0.1"}, {"subsample", "1"},
      {"colsample_bytree", "1"}, {"seed", "0"}, {"verbosity", "0"}};
  if (!binary) params.emplace_back("num_class", std::to_string(spec.classes));
  for (const auto& [k, v] : params) check(XGBoosterSetParam(h.booster, k, v.c_str()));
  for (std::size_t it = 0; it < spec.rounds; ++it) check(XGBoosterUpdateOneIter(h.booster, static_cast<int>(it), h.train));
  const bst_ulong* shape = nullptr;
  bst_ulong dim = 0;
  const float* out = nullptr;
  check(XGBoosterPredictFromDMatrix(h.booster, h.test,
                                    R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false})",
                                    &shape, &dim, &out));
  const std::size_t width = binary ? 1 : spec.classes;
  bst_ulong size = dim == 0 ? 0 : 1;
  for (bst_ulong d = 0; d < dim; ++d) size *= shape[d];
  if (size != test_rows * width) throw Failure{"predictions of an unexpected shape"};
  Fit fit;
  fit.predictions.assign(out, out + size);
  if (spec.gain) {
    bst_ulong n_features = 0;
    const char** names = nullptr;
    bst_ulong score_dim = 0;
    const bst_ulong* score_shape = nullptr;
    const float* scores = nullptr;
    check(XGBoosterFeatureScore(h.booster, R"({"importance_type": "total_gain"})", &n_features, &names, &score_dim,
                                &score_shape, &scores));
    for (bst_ulong k = 0; k < n_features; ++k) fit.gain[names[k]] += scores[k];
  }
  return fit;
}

}  // namespace assay::learn
