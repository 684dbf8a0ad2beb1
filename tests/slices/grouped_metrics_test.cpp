// Metrics per group: each group's evaluation is exactly the metrics engine's
// on that group's rows alone; small groups are listed, refused ones carry
// the engine's reason, model columns cannot be grouped by.

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/take.hpp"
#include "slices/grouped_metrics.hpp"

namespace assay::slices {
namespace {

core::Table scored() {
  std::vector<std::string> region;
  std::vector<std::int64_t> y, pred;
  std::vector<double> score, w;
  for (int i = 0; i < 120; ++i) {
    region.push_back(i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c");
    const bool positive = (i * 7) % 5 < 2;
    y.push_back(region.back() == "c" ? 0 : positive);  // c: one class
    score.push_back(((i * 37) % 100) / 100.0);
    pred.push_back(score.back() >= 0.5);
    w.push_back(region.back() == "b" ? 0.0 : 1.0);  // b: weights summing to zero
  }
  core::Table t;
  t.add(core::Column::string("region", region));
  t.add(core::Column::int64("y", y));
  t.add(core::Column::int64("pred", pred));
  t.add(core::Column::float64("score", score));
  t.add(core::Column::float64("w", w));
  return t;
}

metrics::Spec binary_spec() {
  metrics::Spec spec;
  spec.target = "y";
  spec.prediction = "pred";
  spec.score = "score";
  spec.bootstrap.resamples = 20;
  return spec;
}

TEST(GroupedMetrics, EachGroupIsTheEngineOnItsRows) {
  const core::Table t = scored();
  const metrics::Spec spec = binary_spec();
  const GroupedEvaluation grouped = evaluate_by_group(t, spec, {.by = {"region"}, .bins = 5, .min_support = 10});
  ASSERT_EQ(grouped.groups.size(), 3u);
  std::vector<std::uint32_t> a_rows;
  for (std::uint32_t i = 0; i < 120; i += 3) a_rows.push_back(i);
  const metrics::Evaluation alone = metrics::evaluate(core::take_rows(t, {"y", "pred", "score"}, a_rows), spec);
  const GroupEvaluation& a = grouped.groups[0];
  ASSERT_EQ(a.status, GroupStatus::evaluated);
  for (const auto& item : alone.result.metrics.items()) {
    EXPECT_EQ(a.evaluation->result.metrics.get(item.name), item.value.value) << item.name;
  }
  ASSERT_EQ(a.evaluation->result.bootstrap.intervals.size(), alone.result.bootstrap.intervals.size());
  EXPECT_EQ(a.evaluation->result.bootstrap.intervals[0].low, alone.result.bootstrap.intervals[0].low);
  // One class: ROC AUC undefined with a reason; the positive label kept.
  const GroupEvaluation& c = grouped.groups[2];
  ASSERT_EQ(c.status, GroupStatus::evaluated);
  EXPECT_FALSE(c.evaluation->result.metrics.get("roc_auc").has_value());
  EXPECT_EQ(c.evaluation->parameters.positive, "1");
}

TEST(GroupedMetrics, SmallAndRefusedGroupsAreListedWithTheReason) {
  const core::Table t = scored();
  metrics::Spec spec = binary_spec();
  spec.weight = "w";
  const GroupedEvaluation grouped = evaluate_by_group(t, spec, {.by = {"region"}, .bins = 5, .min_support = 41});
  for (const auto& g : grouped.groups) {
    EXPECT_EQ(g.status, GroupStatus::too_small);
    EXPECT_NE(g.reason.find("--min-support 41"), std::string::npos);
    EXPECT_FALSE(g.evaluation);
  }
  const GroupedEvaluation refused = evaluate_by_group(t, spec, {.by = {"region"}, .bins = 5, .min_support = 1});
  EXPECT_EQ(refused.groups[0].status, GroupStatus::evaluated);
  EXPECT_EQ(refused.groups[1].status, GroupStatus::error);
  EXPECT_NE(refused.groups[1].reason.find("sums to zero"), std::string::npos) << refused.groups[1].reason;
}

TEST(GroupedMetrics, ModelColumnsAndBadSettingsAreRefused) {
  const core::Table t = scored();
  const metrics::Spec spec = binary_spec();
  for (const char* column : {"y", "pred", "score"}) {
    EXPECT_THROW(evaluate_by_group(t, spec, {.by = {column}}), core::Error) << column;
  }
  EXPECT_THROW(evaluate_by_group(t, spec, {.by = {"region"}, .bins = 1}), core::Error);
  EXPECT_THROW(evaluate_by_group(t, spec, {.by = {"region"}, .min_support = 0}), core::Error);
  EXPECT_THROW(evaluate_by_group(t, spec, {.by = {"nope"}}), core::Error);
}

}  // namespace
}  // namespace assay::slices
