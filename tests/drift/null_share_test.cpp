// Nulls are left out of the statistic, like non-finite values, and their
// share is compared the same way (ztest or fisher up to 1,000 reference
// cells, Jensen-Shannon above): a column that starts to arrive empty drifts
// even when its remaining values do not move.

#include <gtest/gtest.h>

#include <cmath>
#include <variant>

#include "core/random.hpp"
#include "drift/dataset_drift.hpp"

namespace assay::drift {
namespace {

std::vector<double> gaussian_values(std::size_t n, std::uint64_t seed) {
  core::Random rng(seed);
  std::vector<double> v(n);
  for (auto& x : v) x = rng.normal(0.0, 1.0);
  return v;
}

// Column "x"; with `forty_percent`, rows i % 5 < 2 are null.
core::Table with_nulls(std::vector<double> x, bool forty_percent) {
  std::vector<std::uint8_t> valid(x.size(), 1);
  if (forty_percent) {
    for (std::size_t i = 0; i < x.size(); ++i) valid[i] = i % 5 < 2 ? 0 : 1;
  }
  std::vector<core::Column> cols;
  cols.push_back(core::Column::float64("x", std::move(x), std::move(valid)));
  return core::Table(std::move(cols));
}

Comparison compare_x(const core::Table& ref, const core::Table& cur) {
  return compare_tables(ref, cur, std::vector<ColumnSpec>{{"x", Role::feature}}, DriftOptions{});
}

class NullShare : public ::testing::TestWithParam<std::size_t> {};

// 0% nulls in the reference, 40% in the current data (rows i % 5 < 2), the
// values that remain drawn from the same distribution.
TEST_P(NullShare, ZeroToFortyPercentNullsIsDrift) {
  const std::size_t n = GetParam();
  const Comparison cmp = compare_x(with_nulls(gaussian_values(n, 1), false), with_nulls(gaussian_values(n, 2), true));
  const ColumnDrift& x = cmp.columns[0];
  EXPECT_EQ(x.current_nulls, n * 2 / 5);
  ASSERT_TRUE(x.null_share.has_value());
  EXPECT_DOUBLE_EQ(x.null_share->reference_share, 0.0);
  EXPECT_DOUBLE_EQ(x.null_share->current_share, 0.4);
  EXPECT_EQ(x.null_share->method, n <= 1000 ? Method::ztest : Method::js);
  EXPECT_TRUE(x.null_share->drifted);
  EXPECT_FALSE(x.statistic_drifted);
  EXPECT_TRUE(x.drifted);
  EXPECT_EQ(cmp.verdict.drifted, 1u);
  const auto findings = drift_findings(cmp, {});
  EXPECT_EQ(findings[0].status, core::Status::fail);
  EXPECT_NE(
      findings[0].message.find("nulls (left out) 0% in the reference, 40% in the current data: their share drifted"),
      std::string::npos)
      << findings[0].message;
  const core::DetailValue* drifted = findings[0].details.find("null_share_drifted");
  ASSERT_NE(drifted, nullptr);
  EXPECT_TRUE(std::get<bool>(drifted->value));
}

INSTANTIATE_TEST_SUITE_P(ReferenceSizes, NullShare, ::testing::Values(500, 5000));

TEST(NullShareStable, TheSameShareOnBothSidesIsNotDrift) {
  const Comparison cmp =
      compare_x(with_nulls(gaussian_values(2000, 3), true), with_nulls(gaussian_values(2000, 4), true));
  const ColumnDrift& x = cmp.columns[0];
  ASSERT_TRUE(x.null_share.has_value());
  EXPECT_FALSE(x.null_share->drifted);
  EXPECT_FALSE(x.drifted);
}

TEST(NullShareStable, NoNullsOnEitherSideHasNoShare) {
  const Comparison cmp =
      compare_x(with_nulls(gaussian_values(100, 5), false), with_nulls(gaussian_values(100, 6), false));
  EXPECT_FALSE(cmp.columns[0].null_share.has_value());
}

// A categorical column's nulls are compared the same way.
TEST(NullShareStable, CategoricalNullsAreComparedToo) {
  const std::size_t n = 600;
  std::vector<std::int32_t> codes(n);
  std::vector<std::uint8_t> ref_valid(n, 1), cur_valid(n, 1);
  for (std::size_t i = 0; i < n; ++i) {
    codes[i] = static_cast<std::int32_t>(i % 3);
    cur_valid[i] = i % 2 == 0 ? 0 : 1;
  }
  std::vector<core::Column> ref_cols, cur_cols;
  ref_cols.push_back(core::Column::categorical("x", codes, {"a", "b", "c"}, ref_valid));
  cur_cols.push_back(core::Column::categorical("x", codes, {"a", "b", "c"}, cur_valid));
  const Comparison cmp = compare_x(core::Table(std::move(ref_cols)), core::Table(std::move(cur_cols)));
  ASSERT_TRUE(cmp.columns[0].null_share.has_value());
  EXPECT_TRUE(cmp.columns[0].null_share->drifted);
  EXPECT_TRUE(cmp.columns[0].drifted);
}

}  // namespace
}  // namespace assay::drift
