// The verdict rule (compare/verdict.hpp, docs/compare.md) case by case on
// hand-made comparisons, and the Findings it yields.

#include "compare/verdict.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace assay::compare {
namespace {

Delta delta_of(double champion, double challenger, double p, bool higher = true) {
  Delta d;
  d.size = 100;
  d.champion = metrics::Value::of(champion);
  d.challenger = metrics::Value::of(challenger);
  d.delta = challenger - champion;
  d.gain = higher ? *d.delta : -*d.delta;
  d.p_value = p;
  d.test = Test::delong;
  return d;
}

Comparison comparison(Delta overall, std::string metric = "roc_auc") {
  Comparison c;
  c.metric = std::move(metric);
  c.higher_is_better = higher_is_better(c.metric);
  c.champion = "old";
  c.challenger = "new";
  c.overall = std::move(overall);
  return c;
}

void add_slice(Comparison& c, std::string level, Delta d) {
  c.by = "region";
  c.slices.push_back(SliceDelta{.level = std::move(level), .low = {}, .high = {}, .null = false, .delta = std::move(d),
                                .p_adjusted = {}});
}

Policy policy(double min_gain = 0.0, std::optional<double> max_slice_loss = std::nullopt) {
  return Policy{.metric = "", .min_gain = min_gain, .max_slice_loss = max_slice_loss, .alpha = 0.05};
}

TEST(Verdict, SignificantGainPromotes) {
  const Decision d = decide(comparison(delta_of(0.80, 0.85, 0.001)), policy());
  EXPECT_EQ(d.verdict, Verdict::promote);
  EXPECT_FALSE(d.error);
  EXPECT_NE(d.reason.find("significantly better"), std::string::npos) << d.reason;
}

TEST(Verdict, SignificantLossKeeps) {
  const Decision d = decide(comparison(delta_of(0.85, 0.80, 0.001)), policy());
  EXPECT_EQ(d.verdict, Verdict::keep);
  EXPECT_NE(d.reason.find("significantly worse"), std::string::npos) << d.reason;
}

TEST(Verdict, NotSignificantIsInconclusive) {
  EXPECT_EQ(decide(comparison(delta_of(0.80, 0.85, 0.2)), policy()).verdict, Verdict::inconclusive);
  EXPECT_EQ(decide(comparison(delta_of(0.85, 0.80, 0.2)), policy()).verdict, Verdict::inconclusive);
  EXPECT_EQ(decide(comparison(delta_of(0.80, 0.85, 0.05)), policy()).verdict, Verdict::inconclusive);  // p < alpha, strictly
}

TEST(Verdict, SignificantGainBelowMinGainIsInconclusive) {
  const Decision d = decide(comparison(delta_of(0.80, 0.81, 0.001)), policy(0.02));
  EXPECT_EQ(d.verdict, Verdict::inconclusive);
  EXPECT_NE(d.reason.find("below min_gain"), std::string::npos) << d.reason;
  EXPECT_EQ(decide(comparison(delta_of(0.80, 0.83, 0.001)), policy(0.02)).verdict, Verdict::promote);
}

TEST(Verdict, LowerIsBetterMetricsUseTheGain) {
  // mae falls from 50 to 45: a gain of 5.
  EXPECT_EQ(decide(comparison(delta_of(50, 45, 0.001, false), "mae"), policy(4)).verdict, Verdict::promote);
  EXPECT_EQ(decide(comparison(delta_of(45, 50, 0.001, false), "mae"), policy()).verdict, Verdict::keep);
}

TEST(Verdict, ASliceLosingTooMuchKeeps) {
  Comparison c = comparison(delta_of(0.80, 0.85, 0.001));
  add_slice(c, "north", delta_of(0.80, 0.90, 0.01));
  add_slice(c, "south", delta_of(0.80, 0.76, 0.4));
  add_slice(c, "east", delta_of(0.80, 0.70, 0.4));
  EXPECT_EQ(decide(c, policy()).verdict, Verdict::promote);  // slices not checked without max_slice_loss
  const Decision d = decide(c, policy(0.0, 0.05));
  EXPECT_EQ(d.verdict, Verdict::keep);
  EXPECT_NE(d.reason.find("region = east"), std::string::npos) << d.reason;  // the worst one
  EXPECT_EQ(decide(c, policy(0.0, 0.2)).verdict, Verdict::promote);
}

TEST(Verdict, AnUncheckableSliceBlocksPromotion) {
  Comparison c = comparison(delta_of(0.80, 0.85, 0.001));
  Delta undefined;
  undefined.reason = "only one class present";
  add_slice(c, "north", undefined);
  EXPECT_EQ(decide(c, policy()).verdict, Verdict::promote);
  const Decision d = decide(c, policy(0.0, 0.05));
  EXPECT_EQ(d.verdict, Verdict::inconclusive);
  EXPECT_NE(d.reason.find("could not be compared"), std::string::npos) << d.reason;
}

TEST(Verdict, UndefinedOverallIsAnErrorFindingNeverAPass) {
  Delta undefined;
  undefined.champion = metrics::Value::undefined("only one class present in the target");
  undefined.reason = "champion: only one class present in the target";
  const Comparison c = comparison(undefined);
  const Decision d = decide(c, policy());
  EXPECT_EQ(d.verdict, Verdict::inconclusive);
  EXPECT_TRUE(d.error);
  const auto f = findings(c, policy());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, core::Status::error);
  EXPECT_FALSE(f[0].value);
  EXPECT_NE(f[0].reason.find("one class"), std::string::npos);
}

TEST(Verdict, FindingsCarryDeltaThresholdAndStatus) {
  Comparison c = comparison(delta_of(0.80, 0.85, 0.001));
  add_slice(c, "north", delta_of(0.80, 0.79, 0.4));
  const auto f = findings(c, policy(0.01, 0.05));
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].id, "compare.roc_auc");
  EXPECT_EQ(f[0].category, "compare");
  EXPECT_NEAR(*f[0].value, 0.05, 1e-15);
  EXPECT_EQ(*f[0].reference, 0.80);
  EXPECT_EQ(f[0].threshold->op, ">=");
  EXPECT_EQ(f[0].threshold->value, 0.01);
  EXPECT_EQ(f[0].status, core::Status::pass);
  EXPECT_EQ(f[1].id, "compare.roc_auc.region.north");
  EXPECT_EQ(f[1].status, core::Status::pass);
  EXPECT_EQ(f[1].threshold->value, -0.05);

  const auto mae = findings(comparison(delta_of(50, 52, 0.3, false), "mae"), policy(1.0));
  EXPECT_EQ(mae[0].threshold->op, "<=");
  EXPECT_EQ(mae[0].threshold->value, -1.0);
  EXPECT_EQ(mae[0].status, core::Status::fail);
}

TEST(Verdict, BadPoliciesThrow) {
  const Comparison c = comparison(delta_of(0.80, 0.85, 0.001));
  EXPECT_THROW(decide(c, policy(-0.1)), core::Error);
  EXPECT_THROW(decide(c, policy(0.0, -1.0)), core::Error);
  Policy p = policy();
  p.alpha = 1.0;
  EXPECT_THROW(decide(c, p), core::Error);
  p = policy();
  p.metric = "accuracy";
  EXPECT_THROW(decide(c, p), core::Error);
}

}  // namespace
}  // namespace assay::compare
