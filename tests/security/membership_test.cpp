// Membership inference against the golden values of
// tests/reference/privacy_reference.py (scikit-learn's roc_auc_score and
// roc_curve on real data) and the bar: an overfitted model leaks, a
// regularised one does not.

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "reference_json.hpp"
#include "security/membership.hpp"

namespace assay::security {
namespace {

struct Case {
  std::string dataset;
  std::string model;
};

ProbabilitySpec case_spec(const std::string& dataset) {
  ProbabilitySpec spec{.target = "target"};
  if (dataset == "breast_cancer") {
    spec.score = "score";
  } else {
    for (int c = 0; c < 10; ++c) spec.scores.push_back("p_" + std::to_string(c));
  }
  return spec;
}

MembershipResult run_case(const Case& c) {
  const std::string stem = std::string(ASSAY_TEST_DATA) + "/privacy/" + c.dataset + "_" + c.model + "_";
  const auto m = io::read_table(stem + "members.csv");
  const auto n = io::read_table(stem + "nonmembers.csv");
  const ProbabilitySpec spec = case_spec(c.dataset);
  const core::Table* tables[] = {&m.table, &n.table};
  const auto classes = spec_classes(spec, tables);
  return membership_inference(bind_probabilities(m.table, spec, classes, "members"),
                              bind_probabilities(n.table, spec, classes, "non-members"), slice_labels(m.table, "size"),
                              slice_labels(n.table, "size"));
}

void expect_stats(const AttackStats& s, const nlohmann::json& g, const std::string& where) {
  if (g.is_null()) {
    EXPECT_FALSE(s.auc) << where;
    return;
  }
  ASSERT_TRUE(s.auc && s.advantage) << where << ": " << s.reason;
  EXPECT_EQ(s.members, g["members"].get<std::size_t>()) << where;
  EXPECT_EQ(s.nonmembers, g["nonmembers"].get<std::size_t>()) << where;
  EXPECT_NEAR(*s.auc, g["attack_auc"].get<double>(), 1e-9) << where;
  EXPECT_NEAR(*s.advantage, g["advantage"].get<double>(), 1e-9) << where;
  EXPECT_NEAR(*s.tpr_at_fpr[0], g["tpr_at_fpr"]["0.01"].get<double>(), 1e-9) << where;
  EXPECT_NEAR(*s.tpr_at_fpr[1], g["tpr_at_fpr"]["0.001"].get<double>(), 1e-9) << where;
}

class MembershipGolden : public ::testing::TestWithParam<Case> {};

TEST_P(MembershipGolden, MatchesScikitLearn) {
  const Case c = GetParam();
  const auto& golden = testing::reference_json("privacy_reference.json")[c.dataset][c.model];
  const MembershipResult result = run_case(c);
  ASSERT_EQ(result.attacks.size(), kAttacks.size());
  for (const AttackResult& r : result.attacks) {
    const std::string attack(attack_name(r.attack));
    const auto& g = golden[attack];
    expect_stats(r.overall, g["overall"], attack);
    ASSERT_EQ(r.classes.size(), g["classes"].size());
    for (const auto& [name, s] : r.classes) expect_stats(s, g["classes"][name], attack + " class " + name);
    ASSERT_EQ(r.slices.size(), g["slices"].size());
    for (const auto& [name, s] : r.slices) expect_stats(s, g["slices"][name], attack + " slice " + name);
  }
}

INSTANTIATE_TEST_SUITE_P(Privacy, MembershipGolden,
                         ::testing::Values(Case{"breast_cancer", "overfit"}, Case{"breast_cancer", "regularised"},
                                           Case{"digits", "overfit"}, Case{"digits", "regularised"}),
                         [](const auto& info) { return info.param.dataset + "_" + info.param.model; });

TEST(Membership, OverfitLeaksRegularisedDoesNot) {
  const auto overfit = run_case({"digits", "overfit"});
  const auto regular = run_case({"digits", "regularised"});
  EXPECT_GT(*overfit.attacks[0].overall.auc, 0.9);
  EXPECT_LT(std::abs(*regular.attacks[0].overall.auc - 0.5), 0.05);
  const auto cancer = run_case({"breast_cancer", "regularised"});
  EXPECT_LT(std::abs(*cancer.attacks[0].overall.auc - 0.5), 0.05);
}

TEST(Membership, HandComputedStats) {
  // Members 0.9, 0.8, 0.4; non-members 0.7, 0.4, 0.1. Of the 9 pairs
  // members win 7 and tie 1: AUC 7.5 / 9. ROC points (0,0), (0,1/3),
  // (0,2/3), (1/3,2/3), (2/3,1), (1,1): advantage 2/3, TPR 2/3 at FPR 0.
  const std::vector<double> score{0.9, 0.8, 0.4, 0.7, 0.4, 0.1};
  const std::vector<std::uint8_t> member{1, 1, 1, 0, 0, 0};
  const AttackStats s = attack_stats(score, member);
  EXPECT_DOUBLE_EQ(*s.auc, 7.5 / 9.0);
  EXPECT_DOUBLE_EQ(*s.advantage, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*s.tpr_at_fpr[0], 2.0 / 3.0);
}

TEST(Membership, OneSideOnlyIsUndefined) {
  const std::vector<double> score{0.9, 0.8};
  const std::vector<std::uint8_t> member{1, 1};
  const AttackStats s = attack_stats(score, member);
  EXPECT_FALSE(s.auc);
  EXPECT_NE(s.reason.find("no non-member"), std::string::npos);
}

core::Table scored(std::vector<std::string> labels, std::vector<double> p) {
  core::Table t;
  t.add(core::Column::string("y", labels));
  t.add(core::Column::float64("p", std::move(p)));
  return t;
}

TEST(Membership, BadInputThrows) {
  const ProbabilitySpec spec{.target = "y", .score = "p"};
  const core::Table ok = scored({"0", "1"}, {0.2, 0.7});
  const core::Table* both[] = {&ok, &ok};
  const auto classes = spec_classes(spec, both);
  EXPECT_THROW(bind_probabilities(scored({"0", "1"}, {0.2, 1.5}), spec, classes, "m"), core::Error);
  EXPECT_THROW(bind_probabilities(scored({"0", "1"}, {0.2, std::nan("")}), spec, classes, "m"), core::Error);
  EXPECT_THROW(bind_probabilities(scored({"0", "1"}, {0.2, INFINITY}), spec, classes, "m"), core::Error);
  EXPECT_THROW(bind_probabilities(scored({"0", "2"}, {0.2, 0.3}), spec, classes, "m"), core::Error);
  const core::Table one = scored({"1", "1"}, {0.2, 0.7});
  const core::Table* single[] = {&one, &one};
  EXPECT_THROW(spec_classes(spec, single), core::Error);
  EXPECT_THROW(spec_classes({.target = "missing", .score = "p"}, both), core::Error);
  EXPECT_THROW(spec_classes({.target = "y"}, both), core::Error);  // neither --score nor --scores

  core::Table multi;
  multi.add(core::Column::string("y", std::vector<std::string>{"a", "b"}));
  multi.add(core::Column::float64("p_a", {0.5, 0.2}));
  multi.add(core::Column::float64("p_b", {0.4, 0.8}));  // row 1 sums to 0.9
  const ProbabilitySpec mspec{.target = "y", .scores = {"p_a", "p_b"}};
  const core::Table* m[] = {&multi};
  try {
    bind_probabilities(multi, mspec, spec_classes(mspec, m), "members file");
    ADD_FAILURE() << "rows not summing to 1 were accepted";
  } catch (const core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("data row 1"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace assay::security
