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
    EXPECT_TRUE(near_rel(kstwo_sf(n, d), row.at("sf"))) << "n=" << n << " d=" << d;
  }
}

TEST(Kolmogorov, OneSidedSmirnovMatchesScipy) {
  for (const auto& row : reference().at("smirnov_sf")) {
    const auto n = row.at("n").get<std::int64_t>();
    const double d = row.at("d");
    EXPECT_TRUE(near_rel(smirnov_sf(n, d), row.at("sf"))) << "n=" << n << " d=" << d;
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
    EXPECT_TRUE(near_rel(cvm_limit_sf(x), row.at("sf"))) << "x=" << x;
  }
}

}  // namespace
}  // namespace assay::drift
