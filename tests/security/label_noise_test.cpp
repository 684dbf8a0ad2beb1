// Confident learning against tests/reference/labels_reference.py (NumPy,
// written from the paper) and the bar on real data with 10% of the labels
// flipped: the flips are found among the top suspects and the noise rate
// is estimated within 3 points, from given out-of-sample probabilities and
// from assay's own k-fold XGBoost.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "reference_json.hpp"
#include "security/label_noise.hpp"
#include "security/xgboost_folds.hpp"

namespace assay::security {
namespace {

const core::Table& noisy() {
  static const core::Table table = io::read_table(std::string(ASSAY_TEST_DATA) + "/labels/breast_cancer_noisy.csv").table;
  return table;
}

const std::vector<std::string> kFeatures{"mean_radius",     "mean_texture",   "mean_perimeter",      "mean_area",
                                         "mean_smoothness", "mean_compactness", "mean_concavity",
                                         "mean_concave_points", "mean_symmetry", "mean_fractal_dimension"};

ClassProbabilities given_scores() {
  const ProbabilitySpec spec{.target = "target", .score = "score"};
  const core::Table* t[] = {&noisy()};
  return bind_probabilities(noisy(), spec, spec_classes(spec, t), "data");
}

ClassProbabilities xgboost_scores(std::uint64_t seed = 0) {
  ClassProbabilities p = bind_labels(noisy(), "target", "data");
  p.columns = out_of_fold_probabilities(feature_matrix(noisy(), kFeatures), kFeatures.size(), p.truth, p.classes,
                                        {.folds = 5, .seed = seed});
  return p;
}

struct Bar {
  double recall = 0.0;
  double noise_error = 0.0;
};

Bar bar_of(const LabelNoise& noise) {
  const core::Column& flipped = noisy().column("flipped");
  std::set<std::size_t> flips;
  for (std::size_t i = 0; i < noisy().rows(); ++i) {
    if (flipped.as_double(i) == 1.0) flips.insert(i);
  }
  const std::size_t top = std::min(flips.size(), noise.suspects.size());
  std::size_t found = 0;
  for (std::size_t s = 0; s < top; ++s) found += flips.count(noise.suspects[s].row);
  return {static_cast<double>(found) / static_cast<double>(flips.size()),
          std::abs(noise.overall_noise_rate - static_cast<double>(flips.size()) / static_cast<double>(noisy().rows()))};
}

TEST(LabelNoise, MatchesNumpyReference) {
  const auto& g = testing::reference_json("labels_reference.json");
  const LabelNoise noise = confident_learning(given_scores());
  ASSERT_EQ(noise.classes, (std::vector<std::string>{"0", "1"}));
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_NEAR(noise.thresholds[i], g["thresholds"][i].get<double>(), 1e-9);
    EXPECT_NEAR(noise.noise_rate[i], g["noise_rate"][i].get<double>(), 1e-9);
    for (std::size_t j = 0; j < 2; ++j) {
      EXPECT_EQ(noise.confident_joint[i][j], g["confident_joint"][i][j].get<std::size_t>());
      EXPECT_NEAR(noise.joint[i][j], g["joint"][i][j].get<double>(), 1e-9);
      EXPECT_NEAR(noise.noise_matrix[i][j], g["noise_matrix"][i][j].get<double>(), 1e-9);
    }
  }
  EXPECT_NEAR(noise.overall_noise_rate, g["overall_noise_rate"].get<double>(), 1e-9);
  std::vector<std::size_t> rows;
  for (const auto& s : noise.suspects) rows.push_back(s.row);
  EXPECT_EQ(rows, g["suspects"].get<std::vector<std::size_t>>());
}

TEST(LabelNoise, FindsFlipsFromGivenScores) {
  const Bar bar = bar_of(confident_learning(given_scores()));
  EXPECT_GE(bar.recall, 0.7);
  EXPECT_LE(bar.noise_error, 0.03);
}

TEST(LabelNoise, FindsFlipsFromXgboostFolds) {
  const ClassProbabilities p = xgboost_scores();
  const Bar bar = bar_of(confident_learning(p));
  EXPECT_GE(bar.recall, 0.7);
  EXPECT_LE(bar.noise_error, 0.03);
  // Seeded: the same probabilities again.
  EXPECT_EQ(xgboost_scores().columns, p.columns);
}

TEST(LabelNoise, CleanLabelsAreQuiet) {
  // Probabilities that agree with every label: nothing to prune.
  ClassProbabilities p;
  p.classes = {"a", "b", "c"};
  p.truth = {0, 1, 2, 0, 1, 2};
  p.columns = {{0.9, 0.05, 0.05, 0.8, 0.1, 0.1}, {0.05, 0.9, 0.05, 0.1, 0.8, 0.1}, {0.05, 0.05, 0.9, 0.1, 0.1, 0.8}};
  const LabelNoise noise = confident_learning(p);
  EXPECT_DOUBLE_EQ(noise.overall_noise_rate, 0.0);
  EXPECT_TRUE(noise.suspects.empty());
}

TEST(LabelNoise, OneSwappedRowIsTheSuspect) {
  ClassProbabilities p;
  p.classes = {"a", "b"};
  p.truth = {0, 0, 0, 0, 1, 1, 1, 1, 0};  // the last row is a "b" labelled "a"
  const std::vector<double> pb{0.1, 0.2, 0.1, 0.15, 0.9, 0.8, 0.85, 0.9, 0.95};
  std::vector<double> pa(pb.size());
  for (std::size_t i = 0; i < pb.size(); ++i) pa[i] = 1.0 - pb[i];
  p.columns = {pa, pb};
  const LabelNoise noise = confident_learning(p);
  ASSERT_EQ(noise.suspects.size(), 1u);
  EXPECT_EQ(noise.suspects[0].row, 8u);
  EXPECT_EQ(noise.suspects[0].likely, 1);
  EXPECT_EQ(noise.confident_joint[0][1], 1u);
}

TEST(LabelNoise, ClassWithoutRowsIsAnError) {
  ClassProbabilities p;
  p.classes = {"a", "b", "c"};
  p.truth = {0, 1};
  p.columns = {{0.8, 0.1}, {0.1, 0.8}, {0.1, 0.1}};
  EXPECT_THROW(confident_learning(p), core::Error);
}

TEST(LabelNoise, FeatureAndFoldErrors) {
  EXPECT_THROW(feature_matrix(noisy(), {"nope"}), core::Error);
  EXPECT_THROW(feature_matrix(noisy(), {}), core::Error);
  const ClassProbabilities p = bind_labels(noisy(), "target", "data");
  const auto x = feature_matrix(noisy(), kFeatures);
  EXPECT_THROW(out_of_fold_probabilities(x, kFeatures.size(), p.truth, p.classes, {.folds = 1}), core::Error);
  EXPECT_THROW(out_of_fold_probabilities(x, kFeatures.size(), p.truth, p.classes, {.folds = 1000}), core::Error);
}

}  // namespace
}  // namespace assay::security
