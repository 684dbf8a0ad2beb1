// The compensated sum against math.fsum, the correctly rounded sum
// (tests/reference/stats_reference.py): within Neumaier's bound
// |error| <= 2 eps |sum| + n eps^2 sum |x|.

#include "stats/compensated_sum.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace assay::stats {
namespace {

TEST(CompensatedSum, WithinNeumaierBoundOfTheExactSum) {
  std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/stats_reference.json");
  const auto doc = nlohmann::json::parse(in);
  constexpr double eps = std::numeric_limits<double>::epsilon();
  for (const auto& c : doc["compensated_sum"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const auto values = c["values"].get<std::vector<double>>();
    const double exact = c["sum"].get<double>();
    CompensatedSum sum, left, right;
    double magnitude = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
      sum.add(values[i]);
      (i < values.size() / 3 ? left : right).add(values[i]);
      magnitude += std::fabs(values[i]);
    }
    left.merge(right);
    const double n = static_cast<double>(values.size());
    const double bound = 2 * eps * std::fabs(exact) + n * eps * eps * magnitude;
    EXPECT_LE(std::fabs(sum.value() - exact), bound);
    EXPECT_LE(std::fabs(left.value() - exact), bound);
  }
}

TEST(CompensatedSum, RecoversWhatPlainSummationLoses) {
  CompensatedSum sum;
  for (const double x : {1e16, 1.0, -1e16}) sum.add(x);
  EXPECT_EQ(sum.value(), 1.0);
}

}  // namespace
}  // namespace assay::stats
