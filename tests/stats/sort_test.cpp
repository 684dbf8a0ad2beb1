// Radix sorts agree with std::sort, including signed zeros, infinities,
// NaN (sorted last) and extreme integers.

#include "stats/sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "core/random.hpp"
#include "stats/moments.hpp"

namespace assay::stats {
namespace {

TEST(RadixSort, MatchesStdSortOnRandomDoubles) {
  core::Random rng(7);
  std::vector<double> values(100'001);
  for (auto& v : values) v = rng.normal(0.0, 1e3);
  values[5] = -0.0;
  values[6] = 0.0;
  values[7] = std::numeric_limits<double>::infinity();
  values[8] = -std::numeric_limits<double>::infinity();
  values[9] = std::numeric_limits<double>::denorm_min();
  std::vector<double> expected = values;
  std::sort(expected.begin(), expected.end());
  radix_sort(values);
  EXPECT_EQ(values, expected);
}

// Values written with a few decimals (as CSV files hold them) sort through
// their integer mantissas; the result must be the same doubles, bit for bit.
std::vector<double> decimals(std::size_t n, double scale, int digits, std::uint64_t seed) {
  core::Random rng(seed);
  const double p = std::pow(10.0, digits);
  std::vector<double> values(n);
  for (auto& v : values) v = std::nearbyint(rng.uniform(-scale, scale) * p) / p + 0.0;  // no -0.0
  return values;
}

void expect_sorted_like_std(std::vector<double> values) {
  std::vector<double> expected = values;
  std::sort(expected.begin(), expected.end());
  radix_sort(values);
  ASSERT_EQ(values.size(), expected.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    ASSERT_EQ(std::bit_cast<std::uint64_t>(values[i]), std::bit_cast<std::uint64_t>(expected[i])) << "at " << i;
  }
}

TEST(RadixSort, SortsSixDecimalValuesInANarrowRange) { expect_sorted_like_std(decimals(50'000, 500.0, 6, 1)); }

TEST(RadixSort, SortsSixDecimalValuesWiderThan32Bits) { expect_sorted_like_std(decimals(50'000, 1e7, 6, 2)); }

TEST(RadixSort, SortsIntegralDoubles) { expect_sorted_like_std(decimals(50'000, 1e12, 0, 3)); }

TEST(RadixSort, SortsDecimalsWhenARareValueNeedsMoreDigits) {
  std::vector<double> values = decimals(50'000, 100.0, 2, 4);
  values[12'345] = 1.234567;  // missed by the sample that guesses the digits
  values[33'333] = -7.5;
  expect_sorted_like_std(values);
}

TEST(RadixSort, KeepsNegativeZeroAmongDecimals) {
  std::vector<double> values = decimals(10'000, 10.0, 3, 5);
  values[100] = -0.0;
  values[200] = 0.0;
  std::vector<double> expected = values;
  radix_sort(values);
  const auto zero = std::find(values.begin(), values.end(), 0.0);
  ASSERT_NE(zero, values.end());
  EXPECT_TRUE(std::signbit(*zero));  // -0.0 sorts before +0.0
  EXPECT_FALSE(std::signbit(*(zero + 1)));
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(values, expected);
}

TEST(RadixSort, FallsBackForFullPrecisionValuesMixedWithDecimals) {
  std::vector<double> values = decimals(10'000, 10.0, 3, 6);
  values[50] = 0.1 + 0.2;  // 0.30000000000000004 has no short decimal form
  values[60] = 1e300;
  values[70] = 5e-324;
  expect_sorted_like_std(values);
}

TEST(RadixSort, PutsNanLast) {
  std::vector<double> values{3.0, std::nan(""), -1.0, std::nan(""), 2.0};
  radix_sort(values);
  EXPECT_EQ(values[0], -1.0);
  EXPECT_EQ(values[2], 3.0);
  EXPECT_TRUE(std::isnan(values[3]) && std::isnan(values[4]));
}

TEST(RadixSort, SortsInt64AcrossTheWholeRange) {
  std::vector<std::int64_t> values{5, -3, std::numeric_limits<std::int64_t>::min(), 0,
                                   std::numeric_limits<std::int64_t>::max(), -1};
  std::vector<std::int64_t> expected = values;
  std::sort(expected.begin(), expected.end());
  radix_sort(std::span<std::int64_t>(values));
  EXPECT_EQ(values, expected);
}

TEST(Argsort, IsStableForTies) {
  const std::vector<double> values{2.0, 1.0, 2.0, 1.0, 0.5};
  EXPECT_EQ(argsort(values), (std::vector<std::uint32_t>{4, 1, 3, 0, 2}));
}

TEST(Argsort, IsStableForTiesAmongDecimals) {
  std::vector<double> values = decimals(20'000, 5.0, 1, 7);  // many ties
  std::vector<std::uint32_t> expected(values.size());
  for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(expected.begin(), expected.end(), [&](auto a, auto b) { return values[a] < values[b]; });
  EXPECT_EQ(argsort(values), expected);
}

TEST(Argsort, OrdersDecimalsWiderThan32Bits) {
  const std::vector<double> values = decimals(20'000, 1e8, 6, 8);
  const auto order = argsort(values);
  for (std::size_t i = 1; i < order.size(); ++i) ASSERT_LE(values[order[i - 1]], values[order[i]]);
}

TEST(SortedValues, DropsNullsAndNan) {
  const std::vector<double> values{3.0, 1.0, std::nan(""), 2.0};
  const std::vector<std::uint8_t> valid{1, 0, 1, 1};
  EXPECT_EQ(SortedValues(values, valid).to_vector(), (std::vector<double>{2.0, 3.0}));
}

TEST(SortedValues, EmptyInput) { EXPECT_TRUE(SortedValues({}, {}).empty()); }

// Decimal keys and sorted doubles answer alike, and as std::sort does:
// values, to_vector, distinct count, runs.
void expect_sorted_values_like_std(const std::vector<double>& values) {
  std::vector<double> expected;
  for (const double v : values) {
    if (!std::isnan(v)) expected.push_back(v);
  }
  std::sort(expected.begin(), expected.end());
  const SortedValues sorted(values, {});
  ASSERT_EQ(sorted.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(sorted[i], expected[i]) << i;
  EXPECT_EQ(sorted.to_vector(), expected);
  // The runs of equal values, read off the std::sort result.
  std::vector<std::pair<std::size_t, std::size_t>> all;
  for (std::size_t first = 0; first < expected.size();) {
    std::size_t end = first + 1;
    while (end < expected.size() && expected[end] == expected[first]) ++end;
    all.emplace_back(first, end - first);
    first = end;
  }
  EXPECT_EQ(sorted.distinct(), all.size());
  // Long runs: those longer than a bar that rises with every run found.
  for (const std::size_t start_bar : {std::size_t{0}, std::size_t{1}, std::size_t{3}}) {
    std::vector<std::pair<std::size_t, std::size_t>> wanted;
    std::size_t bar = start_bar;
    for (const auto& run : all) {
      if (run.second > bar) {
        wanted.push_back(run);
        ++bar;
      }
    }
    std::vector<std::pair<std::size_t, std::size_t>> found;
    sorted.for_each_run_longer([&](std::size_t first, std::size_t count) { found.emplace_back(first, count); },
                               [&] { return start_bar + found.size(); });
    EXPECT_EQ(found, wanted) << "bar " << start_bar;
  }
}

TEST(SortedValues, DecimalColumnWithTies) { expect_sorted_values_like_std(decimals(30'000, 20.0, 2, 9)); }

TEST(SortedValues, ValueFarOutsideTheSampledRange) {
  std::vector<double> values = decimals(30'000, 1.0, 3, 12);
  values[12'345] = 4000.125;  // between sampled rows: the first key window misses it
  values[22'222] = -3000.5;
  expect_sorted_values_like_std(values);
  const SortedValues sorted(values, {});
  const auto exact = sorted.exact_mean_variance(1.0);
  ASSERT_TRUE(exact.has_value());
  EXPECT_NEAR(exact->std_dev / mean_variance(sorted.to_vector(), 1.0).std_dev, 1.0, 1e-13);
}

TEST(SortedValues, RareValueWithMoreDigits) {
  std::vector<double> values = decimals(30'000, 50.0, 1, 13);
  values[12'345] = 0.0625;  // four decimals where the sample saw one
  values[7] = -0.0;         // one value with 0.0
  expect_sorted_values_like_std(values);
}

TEST(SortedValues, FullPrecisionColumnWithNan) {
  std::vector<double> values = decimals(30'000, 20.0, 2, 10);
  for (std::size_t i = 0; i < values.size(); i += 7) values[i] += 1e-9 * static_cast<double>(i);
  values[3] = std::nan("");
  expect_sorted_values_like_std(values);
}

TEST(SortedValues, ExactMomentsAgreeWithTheTwoPassOnes) {
  const SortedValues sorted(decimals(100'000, 500.0, 6, 11), {});
  const auto exact = sorted.exact_mean_variance(1.0);
  ASSERT_TRUE(exact.has_value());
  const auto two_pass = mean_variance(sorted.to_vector(), 1.0);
  EXPECT_NEAR(exact->mean, two_pass.mean, 1e-13 * 500.0);
  EXPECT_NEAR(exact->std_dev / two_pass.std_dev, 1.0, 1e-13);
}

TEST(SortedValues, ExactMomentsStepAsideWhenTheDoublesAreNotTheDecimals) {
  // 1e9 + a few millionths: each double is up to 6e-8 from its decimal,
  // not negligible next to a spread of 1e-3.
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(1e9 + static_cast<double>(i % 17) * 1e-4);
  const SortedValues sorted(values, {});
  EXPECT_FALSE(sorted.exact_mean_variance(1.0).has_value());
  EXPECT_TRUE(SortedValues(std::vector<double>(10, 1e9 + 0.5), {}).exact_mean_variance(1.0).has_value());
}

}  // namespace
}  // namespace assay::stats
