// The table-level entry: nulls dropped and reported, bad data refused with
// the column and row, and each task's corner cases.

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "metrics/evaluate.hpp"

namespace assay::metrics {
namespace {

core::Table binary_table() {
  return core::Table({core::Column::int64("y", {1, 0, 1, 0, 1, 0}, {1, 1, 1, 1, 1, 0}),
                      core::Column::float64("p", {0.9, 0.3, 0.6, 0.7, 0.2, 0.5}),
                      core::Column::float64("w", {1, 2, 1, 1, 3, 1})});
}

std::string error_of(const core::Table& t, const Spec& s) {
  try {
    evaluate(t, s);
  } catch (const core::Error& e) {
    return e.what();
  }
  return "";
}

TEST(Evaluate, NullRowsAreDroppedAndReported) {
  const Evaluation e = evaluate(binary_table(), {.target = "y", .score = "p", .bootstrap = {.resamples = 0}});
  EXPECT_EQ(e.result.n, 5u);
  EXPECT_EQ(e.parameters.dropped_rows, 1u);
  ASSERT_FALSE(e.result.warnings.empty());
  EXPECT_NE(e.result.warnings[0].find("dropped 1 of 6 rows with a null in y, p"), std::string::npos);
}

TEST(Evaluate, UnknownIntervalMetricIsRefusedWithTheList) {
  const std::string what =
      error_of(binary_table(), {.target = "y", .score = "p", .bootstrap = {.metrics = {"rocauc"}}});
  EXPECT_NE(what.find("no binary metric 'rocauc' (expected one of accuracy,"), std::string::npos) << what;
}

TEST(Evaluate, ZeroWeightsEverywhereAreRefused) {
  const core::Table t({core::Column::int64("y", {1, 0}), core::Column::float64("p", {0.9, 0.3}),
                       core::Column::float64("w", {0, 0})});
  EXPECT_NE(error_of(t, {.target = "y", .score = "p", .weight = "w"}).find("sums to zero"), std::string::npos);
}

TEST(Evaluate, PredictionOnlyGivesNullScoreMetricsWithReasons) {
  const core::Table t({core::Column::int64("y", {1, 0, 1, 0}), core::Column::int64("yhat", {1, 0, 0, 0})});
  const Evaluation e = evaluate(t, {.target = "y", .prediction = "yhat", .bootstrap = {.resamples = 0}});
  EXPECT_DOUBLE_EQ(*e.result.metrics.get("accuracy"), 0.75);
  for (const char* name : {"roc_auc", "average_precision", "log_loss", "brier_score"}) {
    const Value* v = e.result.metrics.find(name);
    ASSERT_NE(v, nullptr) << name;
    EXPECT_FALSE(v->value.has_value()) << name;
    EXPECT_NE(v->reason.find("--score"), std::string::npos) << name;
  }
}

TEST(Evaluate, MulticlassRowsNotSummingToOneWarnWithCount) {
  const core::Table t({core::Column::string("y", std::vector<std::string>{"a", "b", "c", "a"}),
                       core::Column::float64("p_a", {0.7, 0.1, 0.2, 0.5}), core::Column::float64("p_b", {0.2, 0.8, 0.2, 0.5}),
                       core::Column::float64("p_c", {0.1, 0.1, 0.9, 0.5})});
  const Evaluation e = evaluate(t, {.task = Task::multiclass, .target = "y", .scores = {"p_a", "p_b", "p_c"},
                                    .bootstrap = {.resamples = 0}});
  ASSERT_EQ(e.result.warnings.size(), 1u);
  EXPECT_NE(e.result.warnings[0].find("2 of 4 rows have scores that do not sum to 1"), std::string::npos);
  EXPECT_TRUE(e.result.metrics.get("log_loss").has_value());
  EXPECT_EQ(e.parameters.classes, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Evaluate, MulticlassExplicitClassesOverrideColumnNames) {
  const core::Table t({core::Column::int64("y", {0, 1, 1}), core::Column::float64("first", {0.9, 0.2, 0.4}),
                       core::Column::float64("second", {0.1, 0.8, 0.6})});
  const Evaluation e = evaluate(t, {.task = Task::multiclass, .target = "y", .scores = {"first", "second"},
                                    .classes = {"0", "1"}, .bootstrap = {.resamples = 0}});
  EXPECT_DOUBLE_EQ(*e.result.metrics.get("accuracy"), 1.0);
  EXPECT_DOUBLE_EQ(*e.result.metrics.get("roc_auc_ovr"), 1.0);
}

TEST(Evaluate, RankingWeightMustBeConstantWithinAQuery) {
  const core::Table t({core::Column::string("q", std::vector<std::string>{"a", "a", "b"}),
                       core::Column::float64("rel", {1, 0, 1}), core::Column::float64("s", {0.3, 0.2, 0.1}),
                       core::Column::float64("w", {1, 2, 1})});
  EXPECT_NE(error_of(t, {.task = Task::ranking, .target = "rel", .score = "s", .weight = "w", .group = "q"})
                .find("constant within a query"),
            std::string::npos);
}

TEST(Evaluate, RankingNegativeRelevanceIsRefused) {
  const core::Table t({core::Column::string("q", std::vector<std::string>{"a", "a"}),
                       core::Column::float64("rel", {1, -1}), core::Column::float64("s", {0.3, 0.2})});
  EXPECT_NE(error_of(t, {.task = Task::ranking, .target = "rel", .score = "s", .group = "q"}).find("negative relevance"),
            std::string::npos);
}

TEST(Evaluate, RegressionWithOneRowHasNoR2) {
  const core::Table t({core::Column::float64("y", {2.0}), core::Column::float64("yhat", {1.5})});
  const Evaluation e = evaluate(t, {.task = Task::regression, .target = "y", .prediction = "yhat",
                                    .bootstrap = {.resamples = 0}});
  EXPECT_DOUBLE_EQ(*e.result.metrics.get("mae"), 0.5);
  EXPECT_FALSE(e.result.metrics.get("r2").has_value());
}

// A float target holding NaN or inf that are values, not nulls (the CSV
// reader turns "nan" into null; a table built in memory need not): no class
// is "nan", so each task refuses the row instead of sorting it into labels.
TEST(Evaluate, NonFiniteBinaryTargetIsRefusedWithColumnAndRow) {
  const core::Table t({core::Column::float64("y", {1, 0, std::nan(""), 0}), core::Column::float64("p", {0.9, 0.3, 0.6, 0.7})});
  EXPECT_EQ(error_of(t, {.target = "y", .score = "p", .bootstrap = {.resamples = 0}}),
            "column 'y' holds nan at data row 3; a class label must be a finite number or text");
}

TEST(Evaluate, InfiniteMulticlassTargetIsRefusedWithColumnAndRow) {
  const core::Table t({core::Column::float64("y", {0, 1, 2, INFINITY}), core::Column::float64("yhat", {0, 1, 2, 2})});
  EXPECT_EQ(error_of(t, {.task = Task::multiclass, .target = "y", .prediction = "yhat", .bootstrap = {.resamples = 0}}),
            "column 'y' holds inf at data row 4; a class label must be a finite number or text");
}

TEST(Evaluate, NonFiniteTargetAgainstScoreColumnsIsRefusedWithColumnAndRow) {
  const core::Table t({core::Column::float64("y", {0, -INFINITY, 1}), core::Column::float64("p_0", {0.6, 0.3, 0.2}),
                       core::Column::float64("p_1", {0.4, 0.7, 0.8})});
  EXPECT_EQ(error_of(t, {.task = Task::multiclass, .target = "y", .scores = {"p_0", "p_1"}, .bootstrap = {.resamples = 0}}),
            "column 'y' holds -inf at data row 2; a class label must be a finite number or text");
}

// In a text column "nan" is a word like any other: a class of its own.
TEST(Evaluate, TheTextNanIsAnOrdinaryClassInATextColumn) {
  const core::Table t({core::Column::string("y", std::vector<std::string>{"nan", "cat", "nan", "dog"}),
                       core::Column::string("yhat", std::vector<std::string>{"nan", "cat", "dog", "dog"})});
  const Evaluation e =
      evaluate(t, {.task = Task::multiclass, .target = "y", .prediction = "yhat", .bootstrap = {.resamples = 0}});
  EXPECT_EQ(e.parameters.classes, (std::vector<std::string>{"cat", "dog", "nan"}));
  EXPECT_DOUBLE_EQ(*e.result.metrics.get("accuracy"), 0.75);
}

// A column the task does not read would still drop the rows where it is null.
TEST(Evaluate, ColumnsTheTaskDoesNotReadAreRefused) {
  const core::Table t({core::Column::float64("y", {1, 2, 3}), core::Column::float64("yhat", {1, 2, 2}),
                       core::Column::string("q", std::vector<std::string>{"a", "a", "b"}, {1, 1, 0})});
  EXPECT_EQ(error_of(t, {.task = Task::regression, .target = "y", .prediction = "yhat", .group = "q"}),
            "--group: is the query id of ranking metrics; a regression task has none");
  EXPECT_EQ(error_of(t, {.task = Task::regression, .target = "y", .prediction = "yhat", .score = "yhat"}),
            "--score: regression metrics compare --target with --prediction");
  EXPECT_EQ(error_of(t, {.task = Task::ranking, .target = "y", .score = "yhat", .scores = {"y", "yhat"}, .group = "q"}),
            "--scores: a ranking task takes no score column per class");
}

// An interval asked for a score-based metric without the score columns
// would come out empty: refused, naming what is missing.
TEST(Evaluate, IntervalOfAScoreMetricWithoutScoresIsRefused) {
  const core::Table t({core::Column::int64("y", {1, 0, 1, 0}), core::Column::int64("yhat", {1, 0, 0, 0})});
  EXPECT_EQ(error_of(t, {.target = "y", .prediction = "yhat", .bootstrap = {.metrics = {"roc_auc"}}}),
            "--ci-metrics: roc_auc needs --score");
  EXPECT_EQ(error_of(t, {.task = Task::multiclass, .target = "y", .prediction = "yhat",
                         .bootstrap = {.metrics = {"log_loss"}}}),
            "--ci-metrics: log_loss needs --scores");
}

}  // namespace
}  // namespace assay::metrics
