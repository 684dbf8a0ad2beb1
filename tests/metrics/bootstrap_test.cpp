// The resampling machinery: Poisson(1) multiplicities have the right law,
// intervals follow numpy's percentile, and bootstrap intervals have the
// width the normal theory predicts for a proportion.

#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

#include "metrics/binary.hpp"
#include "metrics/bootstrap.hpp"
#include "metrics/poisson.hpp"
#include "metrics/poisson_sum.hpp"

namespace assay::metrics {
namespace {

TEST(Poisson, MultiplicitiesFollowPoissonOne) {
  const PoissonPair draws(123, 0);
  const std::size_t n = 1'000'000;
  std::vector<double> freq(13, 0.0);
  double sum = 0.0, sum_sq = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::uint32_t m : draws(i)) {
      freq[m] += 1.0;
      sum += m;
      sum_sq += static_cast<double>(m) * m;
    }
  }
  const double count = 2.0 * n;
  const double mean = sum / count;
  EXPECT_NEAR(mean, 1.0, 0.004);                        // sd of the mean: 1/sqrt(2e6) = 0.0007
  EXPECT_NEAR(sum_sq / count - mean * mean, 1.0, 0.01);
  double pmf = std::exp(-1.0);
  for (std::size_t k = 0; k < 6; ++k) {
    const double expected = pmf * count;
    EXPECT_NEAR(freq[k], expected, 5.0 * std::sqrt(expected) + 1.0) << "P(X = " << k << ")";
    pmf /= static_cast<double>(k + 1);
  }
}

// Mean and variance of the 2n draws of a cell of `count` rows at counters 0..n-1.
std::pair<double, double> cell_moments(const PoissonPair& draws, std::uint32_t count, std::size_t n) {
  double sum = 0.0, sum_sq = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::uint32_t m : PoissonSums::instance().cell(draws, PoissonPair::counter(i), count)) {
      sum += m;
      sum_sq += static_cast<double>(m) * m;
    }
  }
  const double mean = sum / (2.0 * static_cast<double>(n));
  return {mean, sum_sq / (2.0 * static_cast<double>(n)) - mean * mean};
}

TEST(PoissonSums, CellDrawsHaveMeanAndVarianceOfTheirCount) {
  const PoissonSums& sums = PoissonSums::instance();
  const PoissonPair draws(77, 3);
  for (const std::uint32_t count : {1u, 3u, 17u, 64u, 65u, 300u}) {
    const auto [mean, variance] = cell_moments(draws, count, 200'000);
    // sd of the mean: sqrt(count / 4e5); allow 5 of them.
    EXPECT_NEAR(mean, count, 5.0 * std::sqrt(count / 4e5)) << count;
    EXPECT_NEAR(variance / count, 1.0, 0.02) << count;
  }
  // P(X = 0) for a cell of 3 rows is e^-3.
  std::size_t zeros = 0;
  for (std::size_t i = 0; i < 400'000; ++i) zeros += sums.cell(draws, PoissonPair::counter(i), 3)[0] == 0;
  EXPECT_NEAR(zeros / 4e5, std::exp(-3.0), 5.0 * std::sqrt(std::exp(-3.0) / 4e5));
}

// Cells of thousands of rows and more are drawn in Poisson(4096) parts.
TEST(PoissonSums, LargeCellDrawsHaveMeanAndVarianceOfTheirCount) {
  const PoissonPair draws(78, 1);
  for (const std::uint32_t count : {4095u, 4096u, 4097u, 10'000u, 1'000'000u}) {
    const auto [mean, variance] = cell_moments(draws, count, 20'000);
    EXPECT_NEAR(mean, count, 5.0 * std::sqrt(count / 4e4)) << count;
    EXPECT_NEAR(variance / count, 1.0, 0.05) << count;
  }
}

TEST(Poisson, DrawsArePureFunctionsOfSeedResampleAndRow) {
  EXPECT_EQ(PoissonWeights(5, 3)(77), PoissonWeights(5, 3)(77));
  EXPECT_EQ(PoissonWeights(5, 6)(77), PoissonPair(5, 3)(77)[0]);
  EXPECT_EQ(PoissonWeights(5, 7)(77), PoissonPair(5, 3)(77)[1]);
  int differ = 0;
  for (std::uint64_t row = 0; row < 100; ++row) differ += PoissonWeights(5, 3)(row) != PoissonWeights(6, 3)(row);
  EXPECT_GT(differ, 30);
}

TEST(Percentile, MatchesNumpyLinearInterpolation) {
  // numpy.percentile([1..10], [2.5, 97.5]) = [1.225, 9.775]
  std::vector<double> values{10, 9, 8, 7, 6, 5, 4, 3, 2, 1, std::nan("")};
  Interval out;
  ASSERT_TRUE(percentile_interval(values, 0.95, out));
  EXPECT_DOUBLE_EQ(out.low, 1.225);
  EXPECT_DOUBLE_EQ(out.high, 9.775);
  EXPECT_EQ(out.resamples, 10u);
  EXPECT_FALSE(percentile_interval({std::nan("")}, 0.95, out));
}

TEST(BootstrapWidth, AccuracyIntervalMatchesTheBinomialStandardError) {
  // 2000 rows, accuracy 0.8: the 95% interval should be about
  // 2 * 1.96 * sqrt(0.8 * 0.2 / 2000) = 0.0351 wide.
  const std::size_t n = 2000;
  std::vector<std::uint8_t> truth(n), predicted(n);
  for (std::size_t i = 0; i < n; ++i) {
    truth[i] = static_cast<std::uint8_t>(i % 2);
    predicted[i] = static_cast<std::uint8_t>(i % 10 < 8 ? truth[i] : 1 - truth[i]);
  }
  const Result r = evaluate_binary({.truth = truth, .predicted = predicted},
                                   {.bootstrap = {.resamples = 2000, .seed = 11, .metrics = {"accuracy"}}});
  ASSERT_EQ(r.bootstrap.intervals.size(), 1u);
  const double width = r.bootstrap.intervals[0].high - r.bootstrap.intervals[0].low;
  EXPECT_NEAR(width, 2 * 1.959964 * std::sqrt(0.8 * 0.2 / n), 0.004);
  EXPECT_NEAR((r.bootstrap.intervals[0].high + r.bootstrap.intervals[0].low) / 2, 0.8, 0.003);
}

}  // namespace
}  // namespace assay::metrics
