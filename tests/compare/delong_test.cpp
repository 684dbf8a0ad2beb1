// DeLong's test against a NumPy implementation of the 1988 structural-
// components form (tests/reference/compare_reference.py): real models on
// the breast cancer data, and scores on a coarse grid with many ties. The
// AUC is the project's one (stats/roc_auc).

#include "compare/delong.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "compare/reference.hpp"
#include "stats/roc_auc.hpp"

namespace assay::compare {
namespace {

using nlohmann::json;
using testing::reference;

void expect_matches(const DeLongResult& r, const json& want) {
  ASSERT_TRUE(r.defined) << r.reason;
  EXPECT_EQ(r.positives, want["positives"].get<std::size_t>());
  EXPECT_EQ(r.negatives, want["negatives"].get<std::size_t>());
  EXPECT_NEAR(r.auc_champion, want["auc_champion"].get<double>(), 1e-12);
  EXPECT_NEAR(r.auc_challenger, want["auc_challenger"].get<double>(), 1e-12);
  EXPECT_NEAR(r.delta, want["delta"].get<double>(), 1e-12);
  EXPECT_NEAR(r.variance, want["variance"].get<double>(), 1e-14);
  EXPECT_NEAR(r.variance / want["variance"].get<double>(), 1.0, 1e-9);
  EXPECT_NEAR(r.z, want["z"].get<double>(), 1e-8);
  EXPECT_NEAR(r.p_value, want["p_value"].get<double>(), 1e-9);
  EXPECT_NEAR(r.p_value / want["p_value"].get<double>(), 1.0, 1e-7);
}

struct Columns {
  std::vector<std::uint8_t> truth;
  std::vector<double> champion, challenger;
};

Columns binary_columns() {
  const core::Table t = testing::dataset("compare_binary.csv");
  Columns c;
  for (std::size_t i = 0; i < t.rows(); ++i) {
    c.truth.push_back(static_cast<std::uint8_t>(t.column("target").as_double(i)));
    c.champion.push_back(t.column("champion").as_double(i));
    c.challenger.push_back(t.column("challenger").as_double(i));
  }
  return c;
}

TEST(DeLong, MatchesTheStructuralComponentsOnRealModels) {
  const Columns c = binary_columns();
  expect_matches(delong(c.truth, c.champion, c.challenger), reference()["binary"]["delong"]);
}

TEST(DeLong, MatchesWithManyTies) {
  const json& t = reference()["ties"];
  const auto truth = t["truth"].get<std::vector<std::uint8_t>>();
  const auto one = t["champion"].get<std::vector<double>>();
  const auto two = t["challenger"].get<std::vector<double>>();
  expect_matches(delong(truth, one, two), t["delong"]);
}

TEST(DeLong, ComponentsAverageToTheProjectsAuc) {
  const Columns c = binary_columns();
  const AucComponents a = auc_components(c.champion, c.truth);
  double positive = 0.0, negative = 0.0;
  for (std::size_t i = 0; i < c.truth.size(); ++i) (c.truth[i] ? positive : negative) += a.placement[i];
  EXPECT_NEAR(positive / static_cast<double>(a.positives), a.auc, 1e-12);
  EXPECT_NEAR(negative / static_cast<double>(a.negatives), a.auc, 1e-12);
  EXPECT_EQ(a.auc, stats::roc_auc(c.champion, c.truth));
}

TEST(DeLong, SwappingTheModelsNegatesZAndKeepsP) {
  const Columns c = binary_columns();
  const DeLongResult ab = delong(c.truth, c.champion, c.challenger);
  const DeLongResult ba = delong(c.truth, c.challenger, c.champion);
  EXPECT_DOUBLE_EQ(ab.z, -ba.z);
  EXPECT_DOUBLE_EQ(ab.p_value, ba.p_value);
}

TEST(DeLong, OneClassIsUndefinedWithAReason) {
  const std::vector<std::uint8_t> truth(6, 1);
  const std::vector<double> a{0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, b{0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
  const DeLongResult r = delong(truth, a, b);
  EXPECT_FALSE(r.defined);
  EXPECT_TRUE(std::isnan(r.auc_champion));
  EXPECT_TRUE(std::isnan(r.p_value));
  EXPECT_NE(r.reason.find("one class"), std::string::npos) << r.reason;
}

TEST(DeLong, OneRowOfAClassIsUndefined) {
  const std::vector<std::uint8_t> truth{1, 0, 0, 0};
  const std::vector<double> a{0.9, 0.2, 0.3, 0.4}, b{0.5, 0.6, 0.3, 0.1};
  const DeLongResult r = delong(truth, a, b);
  EXPECT_FALSE(r.defined);
  EXPECT_NE(r.reason.find("at least two rows of each class"), std::string::npos) << r.reason;
}

TEST(DeLong, IdenticalModelsHaveNothingToTest) {
  const Columns c = binary_columns();
  const DeLongResult r = delong(c.truth, c.champion, c.champion);
  EXPECT_FALSE(r.defined);
  EXPECT_EQ(r.delta, 0.0);
  EXPECT_TRUE(std::isnan(r.p_value));
  EXPECT_NE(r.reason.find("alike"), std::string::npos) << r.reason;
}

TEST(DeLong, ConstantChampionIsAValidComparison) {
  const Columns c = binary_columns();
  const std::vector<double> constant(c.truth.size(), 0.5);
  const DeLongResult r = delong(c.truth, constant, c.challenger);
  ASSERT_TRUE(r.defined) << r.reason;
  EXPECT_EQ(r.auc_champion, 0.5);
  EXPECT_LT(r.p_value, 1e-10);
}

}  // namespace
}  // namespace assay::compare
