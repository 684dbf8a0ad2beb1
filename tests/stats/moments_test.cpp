// Mean and variance: numpy's definitions, computed more accurately than a
// naive two-pass where values are huge, tiny or nearly equal. The expected
// values are exact (computed by hand or with rational arithmetic).

#include "stats/moments.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/random.hpp"
#include "stats/quantile.hpp"

namespace assay::stats {
namespace {

TEST(MeanVariance, SmallExact) {
  const std::vector<double> v{2, 4, 4, 4, 5, 5, 7, 9};
  const auto mv = mean_variance(v, 0.0);
  EXPECT_EQ(mv.mean, 5.0);
  EXPECT_EQ(mv.variance, 4.0);
  EXPECT_EQ(mean_variance(v, 1.0).variance, 32.0 / 7.0);
}

TEST(MeanVariance, UndefinedCases) {
  EXPECT_TRUE(std::isnan(mean_variance({}, 1.0).mean));
  const std::vector<double> one{3.0};
  EXPECT_EQ(mean_variance(one, 1.0).mean, 3.0);
  EXPECT_TRUE(std::isnan(mean_variance(one, 1.0).variance));
}

TEST(MeanVariance, HugeValuesDoNotOverflow) {
  const std::vector<double> v{1e300, -1e300};
  const auto mv = mean_variance(v, 1.0);
  EXPECT_EQ(mv.mean, 0.0);
  EXPECT_TRUE(std::isinf(mv.variance));  // 2e600 is not a double
  EXPECT_NEAR(mv.std_dev / (std::sqrt(2.0) * 1e300), 1.0, 1e-15);
}

TEST(MeanVariance, TinyValuesDoNotUnderflow) {
  const std::vector<double> v{1e-300, 3e-300};
  EXPECT_NEAR(mean_variance(v, 1.0).std_dev / (std::sqrt(2.0) * 1e-300), 1.0, 1e-15);
}

TEST(MeanVariance, ConstantColumnHasZeroVariance) {
  const std::vector<double> v(1000, 3.7);
  EXPECT_EQ(mean_variance(v, 1.0).mean, 3.7);
  EXPECT_EQ(mean_variance(v, 1.0).variance, 0.0);
}

TEST(Moments, MergeEqualsOnePass) {
  core::Random rng(3);
  std::vector<double> v(10'000);
  for (auto& x : v) x = rng.normal(10.0, 2.0);
  Moments all, left, right;
  for (std::size_t i = 0; i < v.size(); ++i) {
    all.update(v[i]);
    (i < 3000 ? left : right).update(v[i]);
  }
  left.merge(right);
  const auto exact = mean_variance(v, 1.0);
  EXPECT_NEAR(left.mean, exact.mean, 1e-12);
  EXPECT_NEAR(left.variance(1.0) / exact.variance, 1.0, 1e-12);
  EXPECT_NEAR(all.variance(1.0) / exact.variance, 1.0, 1e-12);
}

TEST(Quantile, LinearInterpolationAsNumpy) {
  const std::vector<double> v{1, 2, 3, 4};
  EXPECT_EQ(quantile_sorted(v, 0.0), 1.0);
  EXPECT_EQ(quantile_sorted(v, 1.0), 4.0);
  EXPECT_EQ(quantile_sorted(v, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(quantile_sorted(v, 0.1), 1.3);  // numpy.quantile([1,2,3,4], 0.1)
  EXPECT_TRUE(std::isnan(quantile_sorted(std::vector<double>{}, 0.5)));
}

}  // namespace
}  // namespace assay::stats
