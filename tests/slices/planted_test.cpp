// Weak-slice discovery on generated data (planted_data.hpp): a slice of 2%
// of the rows with a much higher error rate is found, ranked first and
// significant after Benjamini-Hochberg; without it, no slice is significant.

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "slices/planted_data.hpp"
#include "slices/slicing.hpp"

namespace assay::slices {
namespace {

Spec discovery_spec() {
  Spec spec;
  spec.task = metrics::Task::binary;
  spec.target = "y";
  spec.prediction = "pred";
  spec.exclude = {"score"};  // the other model's output, not a feature
  spec.bootstrap.resamples = 0;
  return spec;
}

bool is_planted(const SliceRow& s) {
  return s.predicates.size() == 2 && s.predicates[0].column == "region" && s.predicates[0].level == "r3" &&
         s.predicates[1].column == "device" && s.predicates[1].level == "d2";
}

class PlantedSlice : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(PlantedSlice, RankedFirstAndSignificant) {
  const core::Table table = testing::planted_table(20000, GetParam(), 0.5);
  const SliceReport r = run_slices(table, discovery_spec());
  ASSERT_FALSE(r.slices.empty());
  const SliceRow& top = r.slices.front();
  EXPECT_TRUE(is_planted(top)) << top.predicates.size();
  ASSERT_TRUE(top.p_adjusted.has_value());
  EXPECT_LT(*top.p_adjusted, 0.05);
  EXPECT_TRUE(top.significant);
  EXPECT_NEAR(static_cast<double>(top.size) / static_cast<double>(r.rows), 0.02, 0.005);
  // The metric of the slice is the engine's accuracy on it: 1 - its error.
  ASSERT_TRUE(top.metric.value.value.has_value());
  EXPECT_NEAR(*top.metric.value.value, 1.0 - top.error, 1e-12);
}

TEST_P(PlantedSlice, FoundFromScoresAlone) {
  const core::Table table = testing::planted_table(20000, GetParam(), 0.5);
  Spec spec = discovery_spec();
  spec.prediction.reset();
  spec.score = "score";
  spec.exclude.clear();
  const SliceReport r = run_slices(table, spec);
  ASSERT_FALSE(r.slices.empty());
  EXPECT_TRUE(is_planted(r.slices.front()));
  EXPECT_TRUE(r.slices.front().significant);
}

TEST_P(PlantedSlice, NothingSignificantWithoutIt) {
  const core::Table table = testing::planted_table(20000, GetParam(), 0.1);
  const SliceReport r = run_slices(table, discovery_spec());
  EXPECT_GT(r.examined, 30u);
  for (const auto& s : r.slices) {
    EXPECT_FALSE(s.significant) << s.predicates.front().column << "=" << s.predicates.front().level << " p " << *s.p_adjusted;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, PlantedSlice, ::testing::Values(1, 2, 3, 4, 5));

TEST(Discovery, SkipsModelColumnsAndConsidersTheOthers) {
  const core::Table table = testing::planted_table(2000, 1, 0.5);
  const SliceReport r = run_slices(table, discovery_spec());
  std::vector<std::string> names;
  for (const auto& c : r.columns) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"region", "device", "channel", "plan", "age", "income", "tenure"}));
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].name, "score");
  // age has nulls: they are a level of their own.
  EXPECT_EQ(r.columns[4].levels.back(), "null");
  EXPECT_EQ(r.columns[4].levels.size(), 6u);
}

TEST(Discovery, ConjunctionsThatRestateAParentAreDropped) {
  // `b` copies `a` under other names, so a AND b holds the rows of a alone;
  // `c` is independent noise, so a AND c is no worse than a.
  const std::size_t n = 4000;
  std::vector<std::int32_t> a(n), b(n), c(n);
  std::vector<std::int64_t> y(n), pred(n);
  for (std::size_t i = 0; i < n; ++i) {
    a[i] = static_cast<std::int32_t>(i % 8);
    b[i] = a[i];
    c[i] = static_cast<std::int32_t>(testing::uniform(9, i, 1) * 3);
    y[i] = testing::uniform(9, i, 2) < 0.5 ? 1 : 0;
    const bool wrong = testing::uniform(9, i, 3) < (a[i] == 5 ? 0.6 : 0.05);
    pred[i] = wrong ? 1 - y[i] : y[i];
  }
  std::vector<core::Column> columns;
  columns.push_back(core::Column::categorical("a", a, {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"}));
  columns.push_back(core::Column::categorical("b", b, {"b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7"}));
  columns.push_back(core::Column::categorical("c", c, {"c0", "c1", "c2"}));
  columns.push_back(core::Column::int64("y", y));
  columns.push_back(core::Column::int64("pred", pred));
  Spec spec = discovery_spec();
  spec.exclude.clear();
  const SliceReport r = run_slices(core::Table(std::move(columns)), spec);
  ASSERT_GE(r.slices.size(), 1u);
  EXPECT_EQ(r.slices[0].predicates.size(), 1u);
  EXPECT_EQ(r.slices[0].predicates[0].level.back(), '5');
  for (const auto& s : r.slices) EXPECT_EQ(s.predicates.size(), 1u) << s.predicates[0].level << " " << s.predicates[1].level;
}

TEST(Discovery, PerfectModelHasNoWeakSlice) {
  core::Table table = testing::planted_table(1000, 1, 0.0);
  Spec spec = discovery_spec();
  spec.prediction = "y";
  spec.target = "y";
  spec.exclude = {"pred", "score"};
  const SliceReport r = run_slices(table, spec);
  EXPECT_TRUE(r.slices.empty());
  ASSERT_FALSE(r.notes.empty());
}

// A score-based metric asked for without --score: the engine would report
// it undefined on every slice, a run that says nothing. Refused up front.
TEST(SliceMetricChoice, ScoreBasedMetricWithoutScoreIsRefused) {
  const core::Table table = testing::planted_table(500, 1, 0.5);
  for (const char* metric : {"roc_auc", "average_precision", "log_loss", "brier_score"}) {
    Spec spec = discovery_spec();
    spec.metric = metric;
    try {
      run_slices(table, spec);
      ADD_FAILURE() << metric << " was accepted without --score";
    } catch (const core::Error& e) {
      EXPECT_EQ(std::string(e.what()), std::string("--metric: ") + metric + " needs --score");
    }
  }
}

TEST(SliceMetricChoice, ScoreBasedMetricWithScoreIsComputed) {
  const core::Table table = testing::planted_table(500, 1, 0.5);
  Spec spec = discovery_spec();
  spec.prediction.reset();
  spec.score = "score";
  spec.exclude = {"pred"};
  spec.metric = "roc_auc";
  const SliceReport r = run_slices(table, spec);
  EXPECT_TRUE(r.overall.value.value.has_value()) << r.overall.value.reason;
}

}  // namespace
}  // namespace assay::slices
