// McNemar's test against statsmodels.stats.contingency_tables.mcnemar
// (tests/reference/compare_reference.json): exact binomial and continuity-
// corrected chi-square on small and large discordant counts, and the
// automatic choice at b + c = 25.

#include "compare/mcnemar.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "compare/reference.hpp"

namespace assay::compare {
namespace {

using testing::reference;

TEST(McNemar, ExactMatchesStatsmodels) {
  for (const auto& t : reference()["mcnemar"]) {
    const McNemarResult r = mcnemar(t["b"], t["c"], McNemarMethod::exact);
    SCOPED_TRACE(t.dump());
    EXPECT_EQ(r.method, McNemarMethod::exact);
    EXPECT_NEAR(r.statistic, t["exact"]["statistic"].get<double>(), 1e-12);
    EXPECT_NEAR(r.p_value, t["exact"]["p_value"].get<double>(), 1e-12);
    EXPECT_NEAR(r.p_value / t["exact"]["p_value"].get<double>(), 1.0, 1e-9);
  }
}

TEST(McNemar, ChiSquareMatchesStatsmodels) {
  for (const auto& t : reference()["mcnemar"]) {
    const McNemarResult r = mcnemar(t["b"], t["c"], McNemarMethod::chi_square);
    SCOPED_TRACE(t.dump());
    if (t["chi_square"].is_null()) {
      EXPECT_TRUE(std::isnan(r.p_value));
      continue;
    }
    EXPECT_NEAR(r.statistic, t["chi_square"]["statistic"].get<double>(), 1e-12);
    EXPECT_NEAR(r.p_value, t["chi_square"]["p_value"].get<double>(), 1e-12);
    EXPECT_NEAR(r.p_value / t["chi_square"]["p_value"].get<double>(), 1.0, 1e-9);
  }
}

TEST(McNemar, AutomaticIsExactBelowTwentyFiveDiscordantRows) {
  EXPECT_EQ(mcnemar(0, 0).method, McNemarMethod::exact);
  EXPECT_EQ(mcnemar(12, 12).method, McNemarMethod::exact);
  EXPECT_EQ(mcnemar(0, 24).method, McNemarMethod::exact);
  EXPECT_EQ(mcnemar(13, 12).method, McNemarMethod::chi_square);
  EXPECT_EQ(mcnemar(1000, 1100).method, McNemarMethod::chi_square);
  EXPECT_EQ(mcnemar_method_name(mcnemar(3, 7).method), "exact");
}

TEST(McNemar, NoDiscordantRowsIsNoEvidence) {
  const McNemarResult r = mcnemar(0, 0);
  EXPECT_EQ(r.p_value, 1.0);
  EXPECT_TRUE(std::isnan(mcnemar(0, 0, McNemarMethod::chi_square).p_value));
}

TEST(McNemar, SymmetricInTheTwoModels) {
  EXPECT_EQ(mcnemar(5, 19).p_value, mcnemar(19, 5).p_value);
  EXPECT_EQ(mcnemar(100, 130).p_value, mcnemar(130, 100).p_value);
}

}  // namespace
}  // namespace assay::compare
