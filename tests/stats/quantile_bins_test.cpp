// The project's one quantile-binning rule (stats/quantile_bins.hpp): corner
// cases. Its values against numpy are checked through drift's golden
// columns (tests/drift/column_test.cpp, BinsFollowTheOneRule).

#include <gtest/gtest.h>

#include <cmath>

#include "stats/quantile_bins.hpp"

namespace assay::stats {
namespace {

TEST(QuantileBins, AConstantSampleIsOneValueBinPlusEverythingElse) {
  const std::vector<double> ref(100, 5.0);
  const QuantileBins b = quantile_bins(ref, 10);
  EXPECT_TRUE(b.by_value);
  EXPECT_EQ(b.sample_bins, 1u);
  EXPECT_EQ(b.count, 2u);
  const std::vector<double> cur{4.0, 5.0, 5.0, 6.0};
  EXPECT_EQ(bin_counts(b, cur), (std::vector<double>{2, 2}));
  EXPECT_EQ(bin_counts(b, ref), (std::vector<double>{100, 0}));
}

TEST(QuantileBins, UpToBinsDistinctValuesAreCategories) {
  const std::vector<double> ref{1, 1, 2, 3, 3, 3};
  const QuantileBins b = quantile_bins(ref, 3);
  EXPECT_TRUE(b.by_value);
  EXPECT_EQ(b.points, (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(b.bin_of(2.0), 1u);
  EXPECT_EQ(b.bin_of(2.5), 3u);  // not a reference value
  EXPECT_EQ(bin_counts(b, std::vector<double>{0.5, 1, 2.5, 3, 9}), (std::vector<double>{1, 0, 1, 3}));
}

TEST(QuantileBins, MoreValuesGetQuantileEdgesAndOuterBins) {
  // 0..9 with 4 bins: numpy.quantile at 0.25, 0.5, 0.75 = 2.25, 4.5, 6.75.
  std::vector<double> ref(10);
  for (std::size_t i = 0; i < ref.size(); ++i) ref[i] = static_cast<double>(i);
  const QuantileBins b = quantile_bins(ref, 4);
  EXPECT_FALSE(b.by_value);
  EXPECT_EQ(b.points, (std::vector<double>{2.25, 4.5, 6.75}));
  EXPECT_EQ(b.sample_bins, 4u);
  EXPECT_EQ(b.count, 6u);
  EXPECT_EQ(bin_counts(b, ref), (std::vector<double>{3, 2, 2, 3, 0, 0}));
  // Right-closed inner bins; below the minimum and above the maximum apart.
  const std::vector<double> cur{-1, 0, 2.25, 2.26, 9, 9.5, 100};
  EXPECT_EQ(bin_counts(b, cur), (std::vector<double>{2, 1, 0, 1, 1, 2}));
  for (const double x : cur) {
    std::size_t expected = 0;
    const auto counts = bin_counts(b, std::vector<double>{x});
    while (counts[expected] == 0) ++expected;
    EXPECT_EQ(b.bin_of(x), expected) << x;
  }
}

TEST(QuantileBins, DuplicateEdgesAndAnEdgeAtTheMaximumAreDropped) {
  // numpy.quantile at 0.2, 0.4, 0.6, 0.8 of {0 x6, 1, 2, 3, 4, 9 x6}
  // (6 distinct values, 5 bins): 0, 1, 4, 9; the last is the maximum and is dropped.
  std::vector<double> ref(6, 0.0);
  ref.insert(ref.end(), {1, 2, 3, 4});
  ref.insert(ref.end(), 6, 9.0);
  const QuantileBins b = quantile_bins(ref, 5);
  EXPECT_FALSE(b.by_value);
  EXPECT_EQ(b.points, (std::vector<double>{0, 1, 4}));
  EXPECT_EQ(bin_counts(b, ref), (std::vector<double>{6, 1, 3, 6, 0, 0}));
  // Three distinct values: by value with 3 bins; with 2 the median (1) is the edge.
  const std::vector<double> three{0, 0, 1, 1, 2, 2};
  EXPECT_TRUE(quantile_bins(three, 3).by_value);
  EXPECT_FALSE(quantile_bins(three, 2).by_value);
  EXPECT_EQ(quantile_bins(three, 2).points, (std::vector<double>{1}));
}

TEST(QuantileBins, AnEmptySampleSendsEverythingToOneBin) {
  const QuantileBins b = quantile_bins(std::vector<double>{}, 10);
  EXPECT_EQ(b.count, 1u);
  EXPECT_EQ(bin_counts(b, std::vector<double>{1, 2}), (std::vector<double>{2}));
}

TEST(QuantileBins, InfinitiesInTheSampleGiveNoNaNEdge) {
  std::vector<double> ref{-INFINITY};
  for (int i = 0; i < 20; ++i) ref.push_back(i);
  ref.push_back(INFINITY);
  const QuantileBins b = quantile_bins(ref, 10);
  for (const double e : b.points) EXPECT_FALSE(std::isnan(e));
  EXPECT_TRUE(std::is_sorted(b.points.begin(), b.points.end()));
}

}  // namespace
}  // namespace assay::stats
