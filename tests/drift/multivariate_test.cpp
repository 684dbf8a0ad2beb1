// Multivariate detectors: they find a planted shift, stay quiet on two
// samples of one distribution, see a change of correlation that leaves
// every marginal unchanged (the case univariate tests cannot see), and are
// deterministic for a seed whatever the thread count.

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include <set>

#include "core/random.hpp"
#include "core/error.hpp"
#include "drift/multivariate.hpp"
#include "synthetic.hpp"

namespace assay::drift {
namespace {

using testing::synthetic_table;

std::vector<ColumnSpec> specs_of(const core::Table& t) {
  std::vector<ColumnSpec> specs;
  for (const auto& name : t.names()) specs.push_back({name, Role::feature});
  return specs;
}

// x, y standard normal with correlation rho; z independent.
core::Table correlated(std::size_t rows, double rho, std::uint64_t seed) {
  core::Random rng(seed);
  std::vector<double> x(rows), y(rows), z(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    x[i] = rng.normal();
    y[i] = rho * x[i] + std::sqrt(1 - rho * rho) * rng.normal();
    z[i] = rng.normal();
  }
  std::vector<core::Column> cols;
  cols.push_back(core::Column::float64("x", std::move(x)));
  cols.push_back(core::Column::float64("y", std::move(y)));
  cols.push_back(core::Column::float64("z", std::move(z)));
  return core::Table(std::move(cols));
}

MultivariateOptions with(Multivariate m) {
  MultivariateOptions o;
  o.method = m;
  o.seed = 7;
  return o;
}

TEST(Classifier, FindsAShiftAndNamesTheColumns) {
  std::vector<bool> mask(20, false);
  mask[0] = mask[14] = true;
  const core::Table ref = synthetic_table(2000, 1, std::vector<bool>(20, false));
  const core::Table cur = synthetic_table(2000, 2, mask);
  const MultivariateResult r = multivariate_drift(ref, cur, specs_of(ref), with(Multivariate::classifier));
  EXPECT_TRUE(r.drifted);
  EXPECT_GT(r.statistic, 0.6);
  ASSERT_GE(r.top_features.size(), 2u);
  const std::set<std::string> top{r.top_features[0].column, r.top_features[1].column};
  EXPECT_EQ(top, (std::set<std::string>{"x0", "c2"}));
  EXPECT_LT(*r.p_value, 1e-6);
}

TEST(Classifier, QuietOnOneDistribution) {
  const core::Table ref = synthetic_table(2000, 3, std::vector<bool>(20, false));
  const core::Table cur = synthetic_table(2000, 4, std::vector<bool>(20, false));
  const MultivariateResult r = multivariate_drift(ref, cur, specs_of(ref), with(Multivariate::classifier));
  EXPECT_FALSE(r.drifted);
  EXPECT_NEAR(r.statistic, 0.5, 0.04);
}

TEST(Classifier, SeesAChangeOfCorrelation) {
  const core::Table ref = correlated(3000, 0.8, 1);
  const core::Table cur = correlated(3000, -0.8, 2);
  const MultivariateResult r = multivariate_drift(ref, cur, specs_of(ref), with(Multivariate::classifier));
  EXPECT_TRUE(r.drifted);
  EXPECT_NE(r.top_features[0].column, "z");
}

TEST(Mmd, FindsAShiftAndStaysQuietOtherwise) {
  std::vector<bool> mask(20, false);
  mask[5] = true;
  const core::Table ref = synthetic_table(600, 5, std::vector<bool>(20, false));
  const core::Table same = synthetic_table(600, 6, std::vector<bool>(20, false));
  const core::Table moved = synthetic_table(600, 6, mask);
  const auto specs = specs_of(ref);
  const MultivariateResult quiet = multivariate_drift(ref, same, specs, with(Multivariate::mmd));
  const MultivariateResult loud = multivariate_drift(ref, moved, specs, with(Multivariate::mmd));
  EXPECT_FALSE(quiet.drifted) << "p " << *quiet.p_value;
  EXPECT_TRUE(loud.drifted);
  EXPECT_NEAR(*loud.p_value, 1.0 / 101.0, 1e-12);
  EXPECT_GT(loud.statistic, quiet.statistic);
}

TEST(Mmd, SeesAChangeOfCorrelation) {
  const MultivariateResult r =
      multivariate_drift(correlated(800, 0.8, 3), correlated(800, -0.8, 4), specs_of(correlated(10, 0, 0)),
                         with(Multivariate::mmd));
  EXPECT_TRUE(r.drifted);
}

TEST(Pca, SeesAChangeOfCorrelationThatMarginalsHide) {
  const core::Table ref = correlated(5000, 0.9, 5);
  const MultivariateResult same = multivariate_drift(ref, correlated(5000, 0.9, 6), specs_of(ref), with(Multivariate::pca));
  const MultivariateResult flipped =
      multivariate_drift(ref, correlated(5000, -0.9, 7), specs_of(ref), with(Multivariate::pca));
  EXPECT_FALSE(same.drifted) << same.statistic << " not in [" << *same.lower << ", " << *same.upper << "]";
  EXPECT_TRUE(flipped.drifted);
  EXPECT_GT(flipped.statistic, *flipped.upper);
  EXPECT_EQ(*same.components, 2u);  // x and y share one component; z needs its own
}

TEST(Multivariate, SameResultWhateverTheThreadCount) {
  std::vector<bool> mask(20, false);
  mask[2] = true;
  const core::Table ref = synthetic_table(800, 8, std::vector<bool>(20, false));
  const core::Table cur = synthetic_table(800, 9, mask);
  for (const Multivariate m : {Multivariate::classifier, Multivariate::mmd}) {
    auto run = [&](int threads) {
      tbb::task_arena arena(threads);
      return arena.execute([&] { return multivariate_drift(ref, cur, specs_of(ref), with(m)); });
    };
    const MultivariateResult a = run(1);
    const MultivariateResult b = run(2);
    EXPECT_EQ(a.statistic, b.statistic) << multivariate_name(m);
    EXPECT_EQ(a.p_value, b.p_value) << multivariate_name(m);
  }
}

TEST(Multivariate, NeedsColumnsAndRows) {
  const core::Table t = correlated(1, 0, 1);
  EXPECT_THROW(multivariate_drift(t, t, {}, with(Multivariate::mmd)), core::Error);  // a usage mistake
  // One row cannot be judged: a result with a reason (an error Finding), not an exception.
  for (const Multivariate m : {Multivariate::mmd, Multivariate::classifier}) {
    const MultivariateResult r = multivariate_drift(t, t, specs_of(t), with(m));
    EXPECT_NE(r.reason.find("at least 2 rows"), std::string::npos) << r.reason;
    EXPECT_FALSE(r.drifted);
  }
}

}  // namespace
}  // namespace assay::drift
