// Welch's t-test against scipy.stats.ttest_ind(equal_var=False) and the
// Benjamini-Hochberg adjustment against statsmodels' multipletests(fdr_bh),
// from tests/reference/slices_reference.json.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "reference_json.hpp"
#include "stats/multiple_testing.hpp"
#include "stats/welch.hpp"

namespace assay::stats {
namespace {

using nlohmann::json;

const json& reference() { return assay::testing::reference_json("slices_reference.json"); }

TEST(Welch, MatchesScipy) {
  for (const auto& c : reference()["welch"]) {
    const auto a = c["a"].get<std::vector<double>>();
    const auto b = c["b"].get<std::vector<double>>();
    const WelchResult r = welch_t_test(a, b);
    const double p = c["p_value"];
    EXPECT_LE(std::abs(r.p_value - p), 1e-9 * p) << "expected " << p << ", got " << r.p_value;
    EXPECT_NEAR(r.t, c["t"].get<double>(), 1e-9 * std::abs(c["t"].get<double>()));
  }
}

TEST(Welch, UndefinedWithoutTwoValuesOrWithoutVariance) {
  const std::vector<double> one{1.0}, two{1.0, 2.0}, flat{3.0, 3.0, 3.0}, flat2{4.0, 4.0};
  EXPECT_TRUE(std::isnan(welch_t_test(one, two).p_value));
  EXPECT_TRUE(std::isnan(welch_t_test(flat, flat2).p_value));
  EXPECT_FALSE(std::isnan(welch_t_test(flat, two).p_value));  // one sample varies
}

TEST(BenjaminiHochberg, MatchesStatsmodels) {
  for (const auto& c : reference()["benjamini_hochberg"]) {
    const auto p = c["p"].get<std::vector<double>>();
    const auto expected = c["adjusted"].get<std::vector<double>>();
    const auto adjusted = benjamini_hochberg_adjust(p);
    ASSERT_EQ(adjusted.size(), expected.size());
    for (std::size_t i = 0; i < p.size(); ++i) EXPECT_NEAR(adjusted[i], expected[i], 1e-15) << i;
  }
  EXPECT_TRUE(benjamini_hochberg_adjust({}).empty());
}

}  // namespace
}  // namespace assay::stats
