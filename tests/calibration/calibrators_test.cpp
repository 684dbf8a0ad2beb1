// The calibrators against scikit-learn 1.2.1 and scipy on the data in
// tests/reference/calibration_reference.json: isotonic thresholds and
// predictions equal IsotonicRegression(out_of_bounds="clip"), Platt's
// (a, b) and predictions equal _SigmoidCalibration, the temperature equals
// scipy's minimiser of the NLL, each to 1e-6.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "calibration/calibrator.hpp"
#include "calibration/reference.hpp"
#include "calibration/temperature.hpp"
#include "core/error.hpp"

namespace assay::calibration {
namespace {

using testing::expect_close;
using testing::golden;

std::vector<std::uint8_t> bits(const nlohmann::json& values) {
  std::vector<std::uint8_t> out;
  for (const auto& v : values) out.push_back(v.get<double>() > 0.5 ? 1 : 0);
  return out;
}

TEST(Isotonic, EqualsScikitLearnWithTiesNearTiesAndClipping) {
  const auto& g = golden()["isotonic"];
  const auto x = g["x"].get<std::vector<double>>();
  const Isotonic fitted = fit_isotonic(x, bits(g["y"]));
  const auto xt = g["x_thresholds"].get<std::vector<double>>();
  const auto yt = g["y_thresholds"].get<std::vector<double>>();
  ASSERT_EQ(fitted.x.size(), xt.size());
  for (std::size_t i = 0; i < xt.size(); ++i) {
    EXPECT_EQ(fitted.x[i], xt[i]) << i;
    expect_close(yt[i], fitted.y[i], fmt::format("threshold {}", i), 1e-12);
  }
  const auto grid = g["grid"].get<std::vector<double>>();
  const auto expected = g["predictions"].get<std::vector<double>>();
  for (std::size_t i = 0; i < grid.size(); ++i) {
    EXPECT_NEAR(fitted.apply(grid[i]), expected[i], 1e-6) << "at " << grid[i];
  }
}

TEST(Isotonic, PoolsViolatorsWithWeights) {
  std::vector<double> y{1.0, 3.0, 2.0, 2.0, 0.0, 5.0};
  pool_adjacent_violators(y, {1, 1, 1, 1, 1, 1});
  // 3, 2, 2, 0 pool to their mean 1.75, which is not below 1; 5 stays.
  EXPECT_DOUBLE_EQ(y[0], 1.0);
  for (std::size_t i = 1; i < 5; ++i) EXPECT_DOUBLE_EQ(y[i], 1.75) << i;
  EXPECT_DOUBLE_EQ(y[5], 5.0);
  std::vector<double> w{2.0, 0.0};
  pool_adjacent_violators(w, {3, 1});
  EXPECT_DOUBLE_EQ(w[0], 1.5);
  EXPECT_DOUBLE_EQ(w[1], 1.5);
}

TEST(Platt, EqualsScikitLearnSigmoidCalibration) {
  const auto& g = golden()["platt"];
  const auto f = g["score"].get<std::vector<double>>();
  const Platt p = fit_platt(f, bits(g["target"]));
  EXPECT_NEAR(p.a, g["a"].get<double>(), 1e-6);
  EXPECT_NEAR(p.b, g["b"].get<double>(), 1e-6);
  const auto grid = g["grid"].get<std::vector<double>>();
  for (std::size_t i = 0; i < grid.size(); ++i) EXPECT_NEAR(p.apply(grid[i]), g["predictions"][i].get<double>(), 1e-6);
}

TEST(Platt, NeedsBothOutcomes) {
  const std::vector<double> f{0.1, 0.2};
  EXPECT_THROW(fit_platt(f, std::vector<std::uint8_t>{1, 1}), core::Error);
}

TEST(Temperature, EqualsScipyMinimiserOfTheNll) {
  const auto& g = golden()["temperature"];
  const auto columns = g["logits"].get<std::vector<std::vector<double>>>();
  const auto truth = g["target"].get<std::vector<std::int32_t>>();
  const double t = fit_temperature({columns.begin(), columns.end()}, truth);
  EXPECT_NEAR(t, g["temperature"].get<double>(), 1e-6 * g["temperature"].get<double>());
}

TEST(Temperature, RefusesUninformativeScores) {
  const std::vector<double> a{1.0, 1.0, 1.0, 1.0}, b{0.0, 0.0, 0.0, 0.0};
  const std::vector<std::int32_t> truth{0, 1, 0, 1};
  // Every row has the same logits and the classes are balanced: the NLL
  // only falls as T grows, so there is no finite temperature to report.
  EXPECT_THROW(fit_temperature({std::span<const double>(a), std::span<const double>(b)}, truth), core::Error);
}

TEST(Histogram, MapsEachBinToItsFrequencyAndEmptyBinsToTheirMidpoint) {
  const std::vector<double> score{0.05, 0.07, 0.15, 0.95, 1.0};
  const std::vector<std::uint8_t> y{0, 1, 1, 1, 0};
  const Histogram h = fit_histogram(score, y, 10);
  EXPECT_DOUBLE_EQ(h.apply(0.0), 0.5);
  EXPECT_DOUBLE_EQ(h.apply(0.1), 1.0);
  EXPECT_DOUBLE_EQ(h.apply(0.55), 0.55);  // empty bin [0.5, 0.6)
  EXPECT_DOUBLE_EQ(h.apply(1.0), 0.5);
  EXPECT_EQ(h.count[9], 2u);
}

}  // namespace
}  // namespace assay::calibration
