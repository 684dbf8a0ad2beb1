// Binary metrics: corner cases first, then the kernel's agreement with the
// point estimates. Numbers against scikit-learn are in reference_test.cpp.

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "metrics/binary.hpp"
#include "metrics/binary_frame.hpp"

#include <oneapi/tbb/task_arena.h>

namespace assay::metrics {
namespace {

double value(const Result& r, std::string_view name) {
  const auto v = r.metrics.get(name);
  EXPECT_TRUE(v.has_value()) << name;
  return v.value_or(std::nan(""));
}

TEST(Binary, OneClassOnlyGivesNullAucWithReason) {
  const std::vector<std::uint8_t> truth{0, 0, 0};
  const std::vector<double> score{0.1, 0.7, 0.4};
  const Result r = evaluate_binary({.truth = truth, .score = score}, {.bootstrap = {.resamples = 0}});
  const Value* auc = r.metrics.find("roc_auc");
  ASSERT_NE(auc, nullptr);
  EXPECT_FALSE(auc->value.has_value());
  EXPECT_NE(auc->reason.find("only one class"), std::string::npos);
  EXPECT_DOUBLE_EQ(value(r, "accuracy"), 2.0 / 3.0);
}

TEST(Binary, SmallHandWorkedExample) {
  // scores 0.1 0.4 0.35 0.8 with truth 0 0 1 1: sklearn roc_auc 0.75, AP 0.8333...
  const std::vector<std::uint8_t> truth{0, 0, 1, 1};
  const std::vector<double> score{0.1, 0.4, 0.35, 0.8};
  const Result r = evaluate_binary({.truth = truth, .score = score}, {.bootstrap = {.resamples = 0}});
  EXPECT_DOUBLE_EQ(value(r, "roc_auc"), 0.75);
  EXPECT_NEAR(value(r, "average_precision"), 0.8333333333333333, 1e-15);
}

}  // namespace
}  // namespace assay::metrics

namespace assay::metrics {
namespace {

// Ties, both labels inside tie groups, a prediction cut inside a group.
struct Sample {
  std::vector<std::uint8_t> truth{1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0};
  std::vector<double> score{0.9, 0.9, 0.8, 0.5, 0.5, 0.5, 0.3, 0.3, 0.1, 0.7, 0.05, 0.6};
  std::vector<double> weight{1.0, 2.0, 0.5, 1.5, 1.0, 0.0, 3.0, 1.0, 2.0, 0.25, 1.0, 1.0};
};

void expect_same_metrics(const MetricSet& point, const MetricSet& kernel) {
  for (const auto& item : kernel.items()) {
    const auto expected = point.get(item.name);
    ASSERT_TRUE(expected.has_value()) << item.name;
    ASSERT_TRUE(item.value.value.has_value()) << item.name;
    EXPECT_NEAR(*item.value.value, *expected, 1e-12 * std::max(1.0, std::abs(*expected))) << item.name;
  }
}

TEST(BinaryFrame, UnitMultiplicitiesReproducePointEstimates) {
  const Sample s;
  const BinaryInputs in{.truth = s.truth, .score = s.score};
  const Result point = evaluate_binary(in, {.bootstrap = {.resamples = 0}});
  const RankedScores ranked = rank_scores(s.score, {});
  const BinaryFrame frame = make_binary_frame(in, &ranked, 0.5);
  MetricSet kernel;
  binary_metrics(accumulate_unit(frame), frame, kernel);
  EXPECT_EQ(kernel.items().size(), 12u);
  expect_same_metrics(point.metrics, kernel);
}

TEST(BinaryFrame, UnitMultiplicitiesReproduceWeightedPointEstimates) {
  const Sample s;
  const BinaryInputs in{.truth = s.truth, .score = s.score, .weight = s.weight};
  const Result point = evaluate_binary(in, {.bootstrap = {.resamples = 0}});
  const RankedScores ranked = rank_scores(s.score, s.weight);
  const BinaryFrame frame = make_binary_frame(in, &ranked, 0.5);
  MetricSet kernel;
  binary_metrics(accumulate_unit(frame), frame, kernel);
  EXPECT_EQ(kernel.items().size(), 12u);
  expect_same_metrics(point.metrics, kernel);
}

TEST(BinaryBootstrap, SameIntervalsWhateverTheThreadCount) {
  const Sample s;
  const BinaryInputs in{.truth = s.truth, .score = s.score, .weight = s.weight};
  const BinaryOptions options{.bootstrap = {.resamples = 51, .seed = 7}};
  Result one, many;
  {
    tbb::task_arena arena(1);
    arena.execute([&] { one = evaluate_binary(in, options); });
  }
  {
    tbb::task_arena arena(2);
    arena.execute([&] { many = evaluate_binary(in, options); });
  }
  ASSERT_FALSE(one.bootstrap.intervals.empty());
  ASSERT_EQ(one.bootstrap.intervals.size(), many.bootstrap.intervals.size());
  for (std::size_t k = 0; k < one.bootstrap.intervals.size(); ++k) {
    EXPECT_EQ(one.bootstrap.intervals[k].metric, many.bootstrap.intervals[k].metric);
    EXPECT_EQ(one.bootstrap.intervals[k].low, many.bootstrap.intervals[k].low);
    EXPECT_EQ(one.bootstrap.intervals[k].high, many.bootstrap.intervals[k].high);
  }
}

TEST(BinaryBootstrap, AucOnlyPassGivesTheSameIntervalAsTheFullPass) {
  const Sample s;
  const BinaryInputs in{.truth = s.truth, .score = s.score};
  const Result full = evaluate_binary(in, {.bootstrap = {.resamples = 40, .seed = 3}});
  const Result auc_only = evaluate_binary(in, {.bootstrap = {.resamples = 40, .seed = 3, .metrics = {"roc_auc"}}});
  ASSERT_EQ(auc_only.bootstrap.intervals.size(), 1u);
  const Interval* in_full = nullptr;
  for (const auto& i : full.bootstrap.intervals) {
    if (i.metric == "roc_auc") in_full = &i;
  }
  ASSERT_NE(in_full, nullptr);
  EXPECT_EQ(auc_only.bootstrap.intervals[0].low, in_full->low);
  EXPECT_EQ(auc_only.bootstrap.intervals[0].high, in_full->high);
}

TEST(BinaryBootstrap, IntervalCoversThePointEstimateAndSeedMatters) {
  const Sample s;
  const BinaryInputs in{.truth = s.truth, .score = s.score};
  const Result a = evaluate_binary(in, {.bootstrap = {.resamples = 200, .seed = 1, .metrics = {"accuracy"}}});
  const Result b = evaluate_binary(in, {.bootstrap = {.resamples = 200, .seed = 2, .metrics = {"accuracy"}}});
  ASSERT_EQ(a.bootstrap.intervals.size(), 1u);
  const double acc = *a.metrics.get("accuracy");
  EXPECT_LE(a.bootstrap.intervals[0].low, acc);
  EXPECT_GE(a.bootstrap.intervals[0].high, acc);
  EXPECT_LT(a.bootstrap.intervals[0].low, a.bootstrap.intervals[0].high);
  EXPECT_TRUE(a.bootstrap.intervals[0].low != b.bootstrap.intervals[0].low ||
              a.bootstrap.intervals[0].high != b.bootstrap.intervals[0].high);
}

}  // namespace
}  // namespace assay::metrics
