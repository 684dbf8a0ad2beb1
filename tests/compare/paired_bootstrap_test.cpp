// The paired bootstrap: the same rows drawn for both models makes the
// interval of the difference narrower than independent resamples per model
// when the models are positively correlated; the p-value follows its
// definition; results depend on the seed only, not on threads.

#include "compare/paired_bootstrap.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include <cmath>
#include <limits>
#include <numeric>

#include "compare/compare.hpp"
#include "compare/reference.hpp"

namespace assay::compare {
namespace {

Spec spec_for(metrics::Task task) {
  Spec spec;
  spec.task = task;
  spec.target = "target";
  spec.champion = "champion";
  spec.challenger = "challenger";
  return spec;
}

std::vector<std::uint32_t> all_rows(const Bound& b) {
  std::vector<std::uint32_t> rows(b.size());
  std::iota(rows.begin(), rows.end(), 0U);
  return rows;
}

struct Widths {
  double paired;
  double unpaired;
};

Widths widths(const std::string& file, metrics::Task task, const std::string& metric) {
  const Spec spec = spec_for(task);
  const Bound bound = bind(testing::dataset(file), spec);
  const auto rows = all_rows(bound);
  metrics::BootstrapOptions options{.resamples = 400, .level = 0.95, .seed = 11, .metrics = {}, .paired = true};
  const DifferenceInterval paired = paired_bootstrap(bound, 0.5, rows, metric, options);
  const auto one = resampled_metric(bound, false, 0.5, rows, metric, options);
  options.seed = 12;  // independent resamples for the challenger
  const auto two = resampled_metric(bound, true, 0.5, rows, metric, options);
  const DifferenceInterval unpaired = difference_interval(one, two, 0.95);
  EXPECT_TRUE(paired.defined && unpaired.defined);
  return {paired.high - paired.low, unpaired.high - unpaired.low};
}

TEST(PairedBootstrap, NarrowerThanUnpairedOnCorrelatedRegressionModels) {
  const Widths w = widths("compare_regression.csv", metrics::Task::regression, "mae");
  EXPECT_LT(w.paired, 0.8 * w.unpaired) << w.paired << " vs " << w.unpaired;
}

TEST(PairedBootstrap, NarrowerThanUnpairedOnCorrelatedClassifiers) {
  const Widths w = widths("compare_multiclass.csv", metrics::Task::multiclass, "f1_macro");
  EXPECT_LT(w.paired, w.unpaired) << w.paired << " vs " << w.unpaired;
}

TEST(PairedBootstrap, SameRowsForBothModels) {
  // A model compared with itself differs by exactly zero in every resample.
  Spec spec = spec_for(metrics::Task::regression);
  const core::Table t = testing::dataset("compare_regression.csv");
  const Bound bound = bind(t, spec);
  const auto rows = all_rows(bound);
  const metrics::BootstrapOptions options{.resamples = 100, .level = 0.9, .seed = 3, .metrics = {}, .paired = true};
  const auto one = resampled_metric(bound, false, 0.5, rows, "rmse", options);
  const DifferenceInterval self = difference_interval(one, one, 0.9);
  EXPECT_EQ(self.low, 0.0);
  EXPECT_EQ(self.high, 0.0);
  EXPECT_EQ(self.p_value, 1.0);
  // Binary scores: rows are drawn by row index, not per tie cell.
  Spec b = spec_for(metrics::Task::binary);
  const Bound binary = bind(testing::dataset("compare_binary.csv"), b);
  const auto brows = all_rows(binary);
  const auto auc = resampled_metric(binary, true, 0.5, brows, "roc_auc", options);
  const auto auc_again = resampled_metric(binary, true, 0.5, brows, "roc_auc", options);
  EXPECT_EQ(auc, auc_again);
}

TEST(PairedBootstrap, PValueFollowsItsDefinition) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> one{0, 0, 0, 0, 0, 0, 0, 0, 0, nan};
  const std::vector<double> two{1, 2, 3, 4, 5, 6, 7, 8, -1, 5};
  const DifferenceInterval d = difference_interval(one, two, 0.8);
  EXPECT_EQ(d.resamples, 9u);
  // one difference <= 0 of 9: p = 2 (1 + 1) / 10
  EXPECT_DOUBLE_EQ(d.p_value, 0.4);
  EXPECT_LT(d.low, d.high);
  const DifferenceInterval none = difference_interval(std::vector<double>{nan}, std::vector<double>{1.0}, 0.9);
  EXPECT_FALSE(none.defined);
  EXPECT_FALSE(difference_interval({}, {}, 0.9).defined);
}

TEST(PairedBootstrap, SameResultWithOneAndTwoThreads) {
  Spec spec = spec_for(metrics::Task::binary);
  spec.metric = "log_loss";
  spec.bootstrap.resamples = 64;
  const core::Table t = testing::dataset("compare_binary.csv");
  Comparison one, two;
  tbb::task_arena(1).execute([&] { one = compare(t, spec); });
  tbb::task_arena(2).execute([&] { two = compare(t, spec); });
  ASSERT_TRUE(one.overall.interval.defined);
  EXPECT_EQ(one.overall.interval.low, two.overall.interval.low);
  EXPECT_EQ(one.overall.interval.high, two.overall.interval.high);
  EXPECT_EQ(one.overall.p_value, two.overall.p_value);
}

}  // namespace
}  // namespace assay::compare
