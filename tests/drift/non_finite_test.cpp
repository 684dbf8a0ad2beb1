// Non-finite cells (+inf, -inf, NaN that is not null) never reach a
// statistic: they are counted on each side, their share is compared, and a
// column left without finite values is an error. Constant and few-valued
// references keep the binned methods sensitive (stats/quantile_bins.hpp).

#include <gtest/gtest.h>

#include <cmath>
#include <variant>

#include "core/random.hpp"
#include "drift/dataset_drift.hpp"

namespace assay::drift {
namespace {

std::vector<double> normal(std::size_t n, double mean, std::uint64_t seed) {
  core::Random rng(seed);
  std::vector<double> v(n);
  for (auto& x : v) x = rng.normal(mean, 1.0);
  return v;
}

core::Table one_column(std::vector<double> x) {
  std::vector<core::Column> cols;
  cols.push_back(core::Column::float64("x", std::move(x)));
  return core::Table(std::move(cols));
}

Comparison compare(const core::Table& ref, const core::Table& cur, Method method = Method::automatic) {
  DriftOptions options;
  options.method = method;
  return compare_tables(ref, cur, std::vector<ColumnSpec>{{"x", Role::feature}}, options);
}

// One inf in the reference used to make the normed Wasserstein distance NaN,
// and the column "stable", while the current data moved by five sd.
TEST(NonFinite, OneInfInTheReferenceDoesNotHideAFiveSigmaShift) {
  std::vector<double> ref = normal(2000, 0.0, 1);
  ref[17] = INFINITY;
  const core::Table r = one_column(ref);
  const core::Table c = one_column(normal(2000, 5.0, 2));
  const Comparison cmp = compare(r, c);
  const ColumnDrift& x = cmp.columns[0];
  EXPECT_EQ(x.method, Method::wasserstein);
  ASSERT_TRUE(x.statistic.has_value());
  EXPECT_TRUE(std::isfinite(*x.statistic));
  EXPECT_GT(*x.statistic, 4.0);
  EXPECT_TRUE(x.drifted);
  EXPECT_EQ(x.reference_rows, 1999u);
  EXPECT_EQ(x.reference_non_finite.positive_infinite, 1u);
  ASSERT_TRUE(x.non_finite_share.has_value());
  EXPECT_FALSE(x.non_finite_share->drifted);  // 1 in 2,000 against none
  const auto findings = drift_findings(cmp, {});
  EXPECT_EQ(findings[0].status, core::Status::fail);
  const core::DetailValue* count = findings[0].details.find("reference_non_finite");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(std::get<std::int64_t>(count->value), 1);
  EXPECT_NE(findings[0].message.find("non-finite"), std::string::npos) << findings[0].message;
}

TEST(NonFinite, EveryTestMethodIgnoresThemInTheStatistic) {
  std::vector<double> ref = normal(300, 0.0, 3);
  std::vector<double> cur = normal(300, 0.0, 4);
  const std::vector<double> clean_ref = ref;
  const std::vector<double> clean_cur = cur;
  ref.push_back(-INFINITY);
  cur.push_back(NAN);  // valid, not null
  cur.push_back(INFINITY);
  for (const Method m : {Method::ks, Method::anderson, Method::cvm, Method::wasserstein, Method::energy, Method::psi,
                         Method::js}) {
    SCOPED_TRACE(std::string(method_name(m)));
    const ColumnDrift dirty = compare(one_column(ref), one_column(cur), m).columns[0];
    const ColumnDrift clean = compare(one_column(clean_ref), one_column(clean_cur), m).columns[0];
    EXPECT_EQ(dirty.statistic, clean.statistic);
    EXPECT_EQ(dirty.p_value, clean.p_value);
    EXPECT_EQ(dirty.reference_non_finite.negative_infinite, 1u);
    EXPECT_EQ(dirty.current_non_finite.nan, 1u);
    EXPECT_EQ(dirty.current_non_finite.positive_infinite, 1u);
  }
}

TEST(NonFinite, AGrowingShareOfInfinitiesIsDrift) {
  // Same finite distribution; 30% of the current cells are inf.
  std::vector<double> cur = normal(400, 0.0, 6);
  for (std::size_t i = 0; i < cur.size(); i += 3) cur[i] = INFINITY;
  const Comparison cmp = compare(one_column(normal(400, 0.0, 5)), one_column(cur));
  const ColumnDrift& x = cmp.columns[0];
  ASSERT_TRUE(x.non_finite_share.has_value());
  EXPECT_EQ(x.non_finite_share->method, Method::ztest);  // a binary column of 400 reference rows
  EXPECT_TRUE(x.non_finite_share->drifted);
  EXPECT_FALSE(x.statistic_drifted);
  EXPECT_TRUE(x.drifted);
  EXPECT_EQ(cmp.verdict.drifted, 1u);
  EXPECT_EQ(drift_findings(cmp, {})[0].status, core::Status::fail);
}

TEST(NonFinite, ASideWithoutFiniteValuesIsAnError) {
  const std::vector<double> cur(50, INFINITY);
  const Comparison cmp = compare(one_column(normal(50, 0.0, 7)), one_column(cur));
  const ColumnDrift& x = cmp.columns[0];
  EXPECT_FALSE(x.statistic.has_value());
  EXPECT_EQ(x.reason, "no finite values in the current data (50 non-finite)");
  const auto findings = drift_findings(cmp, {});
  EXPECT_EQ(findings[0].status, core::Status::error);
  EXPECT_EQ(findings[0].reason, x.reason);
  EXPECT_EQ(cmp.verdict.compared, 0u);
}

// All reference quantile edges of a constant column coincide: one bin held
// everything and the binned methods said 0 whatever the current data.
TEST(ConstantReference, BinnedMethodsSeeTheCurrentSpread) {
  const core::Table ref = one_column(std::vector<double>(2000, 5.0));
  const core::Table cur = one_column(normal(2000, 5.0, 8));
  for (const Method m : {Method::psi, Method::js, Method::kl, Method::hellinger, Method::tvd}) {
    SCOPED_TRACE(std::string(method_name(m)));
    const ColumnDrift x = compare(ref, cur, m).columns[0];
    EXPECT_EQ(x.shape, Shape::numeric);
    ASSERT_TRUE(x.statistic.has_value());
    EXPECT_GT(*x.statistic, 0.5);
    EXPECT_TRUE(x.drifted);
  }
  // And equal data is still no drift.
  const ColumnDrift same = compare(ref, ref, Method::psi).columns[0];
  EXPECT_EQ(same.statistic, 0.0);
}

TEST(ConstantReference, ValuesBeyondTheReferenceRangeCount) {
  // Current: the reference's values plus 20% far above its maximum. With the
  // top quantile bin open-ended they hid in it.
  std::vector<double> ref = normal(1000, 0.0, 9);
  std::vector<double> cur = ref;
  for (std::size_t i = 0; i < cur.size(); i += 5) cur[i] = 100.0;
  const ColumnDrift x = compare(one_column(ref), one_column(cur), Method::tvd).columns[0];
  ASSERT_TRUE(x.statistic.has_value());
  // 20% of the current mass moved to the "above the maximum" bin, which is
  // empty in the reference: total variation exactly 0.2.
  EXPECT_NEAR(*x.statistic, 0.2, 1e-12);
}

}  // namespace
}  // namespace assay::drift
