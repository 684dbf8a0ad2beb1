// Two-sample statistics on sorted numeric samples against scipy 1.10:
// ks_2samp, anderson_ksamp, cramervonmises_2samp, wasserstein_distance,
// energy_distance. Cases: single values, ties, disjoint samples, exact and
// asymptotic regimes up to 1,000,000 per side.

#include <gtest/gtest.h>

#include "drift/anderson.hpp"
#include "drift/cramer_von_mises.hpp"
#include "drift/distances.hpp"
#include "drift/ks.hpp"
#include "reference.hpp"

namespace assay::drift {
namespace {

using testing::near_rel;
using testing::reference;
using testing::sorted;
using testing::values;

class NumericCase : public ::testing::TestWithParam<std::size_t> {
 protected:
  void SetUp() override {
    c_ = reference().at("numeric").at(GetParam());
    a_ = sorted(values(c_.at("a")));
    b_ = sorted(values(c_.at("b")));
  }
  nlohmann::json c_;
  std::vector<double> a_;
  std::vector<double> b_;
};

// Samples of 200,000 and more per side: scipy's wasserstein_distance and
// energy_distance accumulate ~500,000 CDF differences with np.cumsum (a
// sequential sum, error growing with n), and ks_2samp's asymptotic p-value
// is kstwo.sf at n = 500,000 (see distribution_test.cpp). There they agree
// to 1e-11; everywhere else to 1e-12.
double tolerance(std::size_t a, std::size_t b) { return a + b >= 400000 ? 1e-11 : 1e-12; }

TEST_P(NumericCase, KolmogorovSmirnov) {
  const KsResult r = ks_2samp(a_, b_);
  EXPECT_TRUE(near_rel(r.statistic, c_["ks"]["statistic"]));
  EXPECT_TRUE(near_rel(r.p_value, c_["ks"]["p_value"], tolerance(a_.size(), b_.size())));
  EXPECT_EQ(r.exact, c_["ks"]["exact"].get<bool>());
}

TEST_P(NumericCase, Wasserstein) {
  EXPECT_TRUE(near_rel(wasserstein_distance(a_, b_), c_["wasserstein"], tolerance(a_.size(), b_.size())));
}

TEST_P(NumericCase, Energy) {
  EXPECT_TRUE(near_rel(energy_distance(a_, b_), c_["energy"], tolerance(a_.size(), b_.size())));
}

TEST_P(NumericCase, AndersonDarling) {
  if (!c_.contains("anderson")) {
    EXPECT_FALSE(anderson_2samp(a_, b_).has_value());
    return;
  }
  const auto r = anderson_2samp(a_, b_);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(near_rel(r->statistic, c_["anderson"]["statistic"]));
  EXPECT_TRUE(near_rel(r->p_value, c_["anderson"]["p_value"]));
  EXPECT_EQ(r->capped, c_["anderson"]["capped"].get<bool>());
}

TEST_P(NumericCase, CramerVonMises) {
  if (!c_.contains("cvm")) {
    EXPECT_FALSE(cramer_von_mises_2samp(a_, b_).has_value());
    return;
  }
  const auto r = cramer_von_mises_2samp(a_, b_);
  ASSERT_TRUE(r.has_value());
  // The statistic is U / (n m (n + m)) - (4 m n - 1) / (6 (m + n)): two
  // terms of size ~ n m / (n + m) cancel. scipy sums U's ranks in floating
  // point (assay exactly), so scipy's value carries ~1e-14 of that size in
  // absolute error: up to 2e-7 relative at 200k x 300k.
  const double n = static_cast<double>(a_.size());
  const double m = static_cast<double>(b_.size());
  EXPECT_TRUE(near_rel(r->statistic, c_["cvm"]["statistic"], 1e-12, 1e-14 * (4 * n * m - 1) / (6 * (n + m))));
  // The asymptotic p-value is 1 - CDF: below ~1e-8 both scipy's value and
  // ours carry the rounding of 1 - x in double, so allow 1e-14 absolute.
  EXPECT_TRUE(near_rel(r->p_value, c_["cvm"]["p_value"], 1e-12, 1e-14));
  EXPECT_EQ(r->exact, c_["cvm"]["exact"].get<bool>());
}

INSTANTIATE_TEST_SUITE_P(Scipy, NumericCase, ::testing::Range<std::size_t>(0, reference().at("numeric").size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) { return reference().at("numeric").at(info.param).at("name").get<std::string>(); });

TEST(AndersonDarling, UndefinedForAConstantPool) {
  const std::vector<double> a{2, 2, 2};
  const std::vector<double> b{2, 2};
  EXPECT_FALSE(anderson_2samp(a, b).has_value());
}

TEST(KolmogorovSmirnov, IdenticalSamplesHaveNoDistance) {
  const std::vector<double> a{1, 2, 3, 4};
  const KsResult r = ks_2samp(a, a);
  EXPECT_EQ(r.statistic, 0.0);
  EXPECT_EQ(r.p_value, 1.0);
}

}  // namespace
}  // namespace assay::drift
