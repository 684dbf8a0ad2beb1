// Radix sorts agree with std::sort, including signed zeros, infinities,
// NaN (sorted last) and extreme integers.

#include "stats/sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace assay::stats {
namespace {

TEST(RadixSort, MatchesStdSortOnRandomDoubles) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal(0.0, 1e3);
  std::vector<double> values(100'001);
  for (auto& v : values) v = normal(rng);
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

TEST(SortedValues, DropsNullsAndNan) {
  const std::vector<double> values{3.0, 1.0, std::nan(""), 2.0};
  const std::vector<std::uint8_t> valid{1, 0, 1, 1};
  EXPECT_EQ(sorted_values(values, valid), (std::vector<double>{2.0, 3.0}));
}

TEST(SortedValues, EmptyInput) { EXPECT_TRUE(sorted_values({}, {}).empty()); }

}  // namespace
}  // namespace assay::stats
