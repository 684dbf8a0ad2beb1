// The null distributions behind the p-values, against scipy 1.10 on grids
// that cross every region boundary scipy's algorithms switch at.

#include <gtest/gtest.h>

#include "drift/cramer_von_mises.hpp"
#include "drift/kolmogorov.hpp"
#include "reference.hpp"

namespace assay::drift {
namespace {

using testing::near_rel;
using testing::reference;

TEST(Kolmogorov, TwoSidedSurvivalMatchesScipyKstwo) {
  for (const auto& row : reference().at("kstwo_sf")) {
    const auto n = row.at("n").get<std::int64_t>();
    const double d = row.at("d");
    // n >= 100: scipy's Pomeranz / Pelz-Good / Durbin evaluations sum long
    // alternating series and matrix powers in its own order; the last digits
    // differ by up to 3e-12 relative (and differ by 1e-15 between two runs of
    // the script itself). Below n = 100 the agreement is 1e-12.
    EXPECT_TRUE(near_rel(kstwo_sf(n, d), row.at("sf"), n >= 100 ? 1e-11 : 1e-12)) << "n=" << n << " d=" << d;
  }
}

TEST(Kolmogorov, OneSidedSmirnovMatchesScipy) {
  for (const auto& row : reference().at("smirnov_sf")) {
    const auto n = row.at("n").get<std::int64_t>();
    const double d = row.at("d");
    // n ~ 1e6: scipy.special.smirnov sums ~1e6 terms of the Birnbaum-Tingey
    // series in double (7e-12 relative apart from ours there).
    EXPECT_TRUE(near_rel(smirnov_sf(n, d), row.at("sf"), n >= 100000 ? 1e-10 : 1e-12)) << "n=" << n << " d=" << d;
  }
}

TEST(Kolmogorov, EdgesOfTheSupport) {
  EXPECT_EQ(kstwo_sf(10, 0.0), 1.0);
  EXPECT_EQ(kstwo_sf(10, 0.04), 1.0);  // below 1/(2n)
  EXPECT_EQ(kstwo_sf(10, 1.0), 0.0);
  EXPECT_EQ(smirnov_sf(10, 0.0), 1.0);
  EXPECT_EQ(smirnov_sf(10, 1.0), 0.0);
}

TEST(CramerVonMises, LimitingDistributionMatchesScipy) {
  for (const auto& row : reference().at("cvm_limit_sf")) {
    const double x = row.at("x");
    // scipy returns 1 - CDF: its value carries the CDF's rounding (~1e-15
    // absolute), which dominates once the survival is below ~1e-3.
    EXPECT_TRUE(near_rel(cvm_limit_sf(x), row.at("sf"), 1e-12, 1e-14)) << "x=" << x;
  }
}

}  // namespace
}  // namespace assay::drift
