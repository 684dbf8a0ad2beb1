// Categorical tests and binned divergences against scipy 1.10:
// chi2_contingency(correction=False), fisher_exact, the pooled z-test
// (2 * norm.sf), jensenshannon, entropy, and PSI/Hellinger/TVD formulas.

#include <gtest/gtest.h>

#include "drift/contingency.hpp"
#include "drift/distances.hpp"
#include "reference.hpp"

namespace assay::drift {
namespace {

using testing::near_rel;
using testing::reference;

TEST(ChiSquared, MatchesScipyChi2Contingency) {
  for (const auto& c : reference().at("chi2")) {
    const auto ref = c.at("reference").get<std::vector<double>>();
    const auto cur = c.at("current").get<std::vector<double>>();
    const TestStatistic t = chi2_homogeneity(ref, cur);
    EXPECT_TRUE(near_rel(t.statistic, c.at("statistic"))) << c.dump();
    EXPECT_TRUE(near_rel(t.p_value, c.at("p_value"))) << c.dump();
    EXPECT_EQ(t.dof, c.at("dof").get<double>());
  }
}

TEST(Fisher, MatchesScipyFisherExact) {
  for (const auto& c : reference().at("fisher")) {
    const auto t = c.at("table").get<std::vector<std::vector<std::uint64_t>>>();
    const TestStatistic r = fisher_exact(t[0][0], t[0][1], t[1][0], t[1][1]);
    EXPECT_TRUE(near_rel(r.p_value, c.at("p_value"))) << c.dump();
    const std::string kind = c.at("statistic_kind");
    if (kind == "finite") {
      EXPECT_TRUE(near_rel(r.statistic, c.at("statistic"))) << c.dump();
    } else if (kind == "inf") {
      EXPECT_TRUE(std::isinf(r.statistic)) << c.dump();
    } else {
      EXPECT_TRUE(std::isnan(r.statistic)) << c.dump();
    }
  }
}

TEST(ZTest, MatchesPooledTwoProportionTest) {
  for (const auto& c : reference().at("ztest")) {
    const auto r = two_proportion_z(c.at("ref_hits"), c.at("ref_total"), c.at("cur_hits"), c.at("cur_total"));
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(near_rel(r->statistic, c.at("statistic")));
    EXPECT_TRUE(near_rel(r->p_value, c.at("p_value")));
  }
}

TEST(ZTest, UndefinedWhenOneCategoryEverywhere) { EXPECT_FALSE(two_proportion_z(10, 10, 5, 5).has_value()); }

TEST(Divergences, MatchScipyAndTheirDefinitions) {
  const double eps = reference().at("epsilon");
  for (const auto& c : reference().at("divergences")) {
    const auto p = c.at("p").get<std::vector<double>>();
    const auto q = c.at("q").get<std::vector<double>>();
    const auto sp = smooth_proportions(p, eps);
    const auto sq = smooth_proportions(q, eps);
    EXPECT_TRUE(near_rel(psi(sp, sq), c.at("psi"))) << c.dump();
    EXPECT_TRUE(near_rel(kl_divergence(sp, sq), c.at("kl"))) << c.dump();
    EXPECT_TRUE(near_rel(jensen_shannon(p, q), c.at("js"))) << c.dump();
    EXPECT_TRUE(near_rel(hellinger(p, q), c.at("hellinger"))) << c.dump();
    EXPECT_TRUE(near_rel(total_variation(p, q), c.at("tvd"))) << c.dump();
  }
}

}  // namespace
}  // namespace assay::drift
