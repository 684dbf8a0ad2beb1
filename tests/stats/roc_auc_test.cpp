// The one ROC AUC (stats/roc_auc.hpp) against sklearn.metrics.roc_auc_score
// (tests/reference/stats_reference.py), and its state's merge.

#include "stats/roc_auc.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include "core/random.hpp"
#include "stats/sort.hpp"

namespace assay::stats {
namespace {

const nlohmann::json& golden() {
  static const nlohmann::json doc = [] {
    std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/stats_reference.json");
    return nlohmann::json::parse(in);
  }();
  return doc;
}

// Weighted tie groups from the top score down into the double state, the
// way metrics feeds it.
double weighted_auc(const std::vector<double>& score, const std::vector<std::uint8_t>& label,
                    const std::vector<double>& weight) {
  const std::vector<std::uint32_t> order = argsort(score);
  RocAucState<double> state;
  for (std::size_t end = order.size(); end > 0;) {
    const double v = score[order[end - 1]];
    double pos = 0.0, neg = 0.0;
    for (; end > 0 && score[order[end - 1]] == v; --end) {
      (label[order[end - 1]] != 0 ? pos : neg) += weight[order[end - 1]];
    }
    state.add_group(pos, neg);
  }
  return state.value();
}

std::pair<std::vector<double>, std::vector<double>> split_sorted(const std::vector<double>& score,
                                                                 const std::vector<std::uint8_t>& label) {
  std::vector<double> pos, neg;
  for (std::size_t i = 0; i < score.size(); ++i) (label[i] != 0 ? pos : neg).push_back(score[i]);
  std::sort(pos.begin(), pos.end());
  std::sort(neg.begin(), neg.end());
  return {pos, neg};
}

TEST(RocAuc, MatchesSklearn) {
  for (const auto& c : golden()["roc_auc"]) {
    const auto name = c["name"].get<std::string>();
    SCOPED_TRACE(name);
    const auto score = c["score"].get<std::vector<double>>();
    const auto label = c["label"].get<std::vector<std::uint8_t>>();
    const double expected = c["auc"].get<double>();
    if (c.contains("weight")) {
      EXPECT_NEAR(weighted_auc(score, label, c["weight"].get<std::vector<double>>()), expected, 1e-12 * expected);
      continue;
    }
    // Counting is exact in integers; only the final division rounds, while
    // scikit-learn sums trapezoids in floating point: a few ulps apart.
    EXPECT_NEAR(roc_auc(score, label), expected, 1e-14);
    const auto [pos, neg] = split_sorted(score, label);
    EXPECT_EQ(roc_auc_sorted(pos, neg), roc_auc(score, label));
    const std::vector<double> unit(score.size(), 1.0);
    EXPECT_EQ(weighted_auc(score, label, unit), roc_auc(score, label));
  }
}

TEST(RocAuc, UndefinedWithOneClassOrNone) {
  const std::vector<double> s{1, 2, 3};
  EXPECT_TRUE(std::isnan(roc_auc(s, std::vector<std::uint8_t>{1, 1, 1})));
  EXPECT_TRUE(std::isnan(roc_auc(s, std::vector<std::uint8_t>{0, 0, 0})));
  EXPECT_TRUE(std::isnan(roc_auc({}, {})));
  EXPECT_TRUE(std::isnan(roc_auc_sorted({}, s)));
  RocAucState<double> weightless;
  weightless.add_group(0.0, 2.0);
  EXPECT_FALSE(weightless.defined());
}

TEST(RocAuc, MergeOfAHigherAndALowerPartEqualsOnePass) {
  core::Random rng(11);
  std::vector<std::uint64_t> pos(300), neg(300);
  for (std::size_t g = 0; g < pos.size(); ++g) {
    pos[g] = rng.below(4);
    neg[g] = rng.below(4);
  }
  for (const std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{137}, std::size_t{300}}) {
    RocAucState<std::uint64_t> all, upper, lower;
    for (std::size_t g = 0; g < pos.size(); ++g) {
      all.add_group(pos[g], neg[g]);
      (g < cut ? upper : lower).add_group(pos[g], neg[g]);
    }
    upper.merge_lower(lower);
    EXPECT_EQ(upper.twice_u, all.twice_u) << cut;
    EXPECT_EQ(upper.positives, all.positives);
    EXPECT_EQ(upper.negatives, all.negatives);
  }
}

}  // namespace
}  // namespace assay::stats
