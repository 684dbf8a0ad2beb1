// Non-finite values in a float64 column are counted and left out of the
// statistics (column_profile.hpp): the statistics are those of the finite
// values, which pandas gives for Series([1, 2, 4, 8]).describe():
// mean 3.75, std sqrt(28.75 / 3), 25% 1.75, 50% 3, min 1, max 8.

#include <gtest/gtest.h>

#include <cmath>

#include "io/csv_reader.hpp"
#include "profile/column_profile.hpp"
#include "profile/percentile.hpp"

namespace assay::profile {
namespace {

void expect_finite_statistics(const ColumnProfile& p) {
  ASSERT_TRUE(p.mean && p.std && p.min && p.max);
  EXPECT_DOUBLE_EQ(*p.mean, 3.75);
  EXPECT_DOUBLE_EQ(*p.std, std::sqrt(28.75 / 3.0));
  EXPECT_EQ(*p.min, 1.0);
  EXPECT_EQ(*p.max, 8.0);
  EXPECT_DOUBLE_EQ(*percentile_at(p, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(*percentile_at(p, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(*percentile_at(p, 0.99), 8.0 - 0.03 * 4.0);
}

TEST(NonFiniteProfile, CountedAndLeftOutOfTheStatistics) {
  const std::vector<double> values{1, INFINITY, 2, -INFINITY, 4, NAN, 8, INFINITY, 0};
  const std::vector<std::uint8_t> valid{1, 1, 1, 1, 1, 1, 1, 1, 0};
  const auto column = core::Column::float64("x", values, valid);
  const ColumnProfile p = profile_column(column);
  EXPECT_EQ(p.nulls, 1u);
  EXPECT_EQ(p.count, 8u);  // every non-null value, the non-finite ones too
  EXPECT_EQ(p.positive_infinities, 2u);
  EXPECT_EQ(p.negative_infinities, 1u);
  EXPECT_EQ(p.nans, 1u);
  EXPECT_EQ(p.distinct, 6u);  // 1, 2, 4, 8, inf, -inf
  expect_finite_statistics(p);
}

TEST(NonFiniteProfile, FromACsvFile) {
  // "NAN" is not an NA token: a NaN value. "nan" and the empty field ("",
  // as a blank line is skipped) are nulls.
  const auto table = io::read_csv_text("x\n1\ninf\n2\nNAN\n4\n-inf\n8\nnan\n\"\"\n");
  const ColumnProfile p = profile_column(table.column("x"));
  EXPECT_EQ(p.kind, core::Kind::float64);
  EXPECT_EQ(p.nulls, 2u);
  EXPECT_EQ(p.nans, 1u);
  EXPECT_EQ(p.positive_infinities, 1u);
  EXPECT_EQ(p.negative_infinities, 1u);
  expect_finite_statistics(p);
}

TEST(NonFiniteProfile, OnlyNonFiniteValuesGiveNoStatistics) {
  const auto column = core::Column::float64("x", {INFINITY, -INFINITY, NAN});
  const ColumnProfile p = profile_column(column);
  EXPECT_EQ(p.count, 3u);
  EXPECT_EQ(p.nulls, 0u);
  EXPECT_FALSE(p.mean);
  EXPECT_FALSE(p.min);
  EXPECT_TRUE(p.percentiles.empty());
}

}  // namespace
}  // namespace assay::profile
